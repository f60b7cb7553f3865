// Builds each of the 17 credential types from configuration: the non-secret fields from
// datasources.json, the secrets from environment variables only, e.g.
//   Datasources__postgres__Password=...   Datasources__snowflake__PrivateKey=...
//   Datasources__bigquery__CredentialsJson=...   Datasources__awss3__S3SecretAccessKey=...
// Each record is validated as create would validate it, and printed (secrets print as ***).
// Nothing is sent anywhere.
using Databrain.Client;
using Databrain.Client.Models;
using Microsoft.Extensions.Configuration;

var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("datasources.json")
    .AddEnvironmentVariables()
    .Build();

var invalid = 0;
foreach (var type in DatasourceType.WellKnown)
{
    var credentials = Bind(type, configuration.GetSection($"Datasources:{type}"));
    var problems = DatasourceValidator.Validate(credentials);
    invalid += problems.Count > 0 ? 1 : 0;
    Console.WriteLine(credentials);
    foreach (var problem in problems)
    {
        Console.WriteLine($"    missing or invalid: {problem}");
    }
}

Console.WriteLine($"{DatasourceType.WellKnown.Count - invalid} of {DatasourceType.WellKnown.Count} ready to create; set the missing secrets in the environment for the rest.");

// One line per type: the record decides the wire names, so configuration keys are C# property names.
static DatasourceCredentials Bind(DatasourceType type, IConfigurationSection section) => type.Value switch
{
    "snowflake" => section.Get<SnowflakeCredentials>()!,
    "postgres" => section.Get<PostgresCredentials>()!,
    "redshift" => section.Get<RedshiftCredentials>()!,
    "mysql" => section.Get<MySqlCredentials>()!,
    "mongodb" => section.Get<MongoDbCredentials>()!,
    "clickhouse" => section.Get<ClickHouseCredentials>()!,
    "singlestore" => section.Get<SingleStoreCredentials>()!,
    "bigquery" => section.Get<BigQueryCredentials>()!,
    "databricks" => section.Get<DatabricksCredentials>()!,
    "elasticsearch" => section.Get<ElasticsearchCredentials>()!,
    "opensearch" => section.Get<OpenSearchCredentials>()!,
    "mssql" => section.Get<MsSqlCredentials>()!,
    "awss3" => section.Get<AwsS3Credentials>()!,
    "csv" => section.Get<CsvCredentials>()!,
    "firebolt" => section.Get<FireboltCredentials>()!,
    "athena" => section.Get<AthenaCredentials>()!,
    "trino" => section.Get<TrinoCredentials>()!,
    _ => throw new NotSupportedException($"No record for {type}."),
};
