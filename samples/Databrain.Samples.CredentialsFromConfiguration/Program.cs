// Builds each of the 17 credential types from configuration: the non-secret fields from
// datasources.json, the secrets from environment variables only, e.g.
//   Datasources__postgres__Password=...   Datasources__snowflake__PrivateKey=...
//   Datasources__bigquery__CredentialsJson=...   Datasources__awss3__S3SecretAccessKey=...
// Each record is validated as create would validate it, and printed (secrets print as ***).
// Binding is strict, like DatasourceCredentials.FromJson: a key the record does not have (a typo such as
// "Usernme", or a wire name such as "sslMode_" that is no property) fails the bind instead of being ignored.
// Keys match property names ignoring case, as configuration always does. Nothing is sent anywhere.
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
    DatasourceCredentials credentials;
    try
    {
        credentials = Bind(type, configuration.GetSection($"Datasources:{type}"));
    }
    catch (InvalidOperationException exception)
    {
        // Strict binding found a key the record does not have; the message names it.
        invalid++;
        Console.WriteLine($"Datasources:{type}: {exception.Message}");
        continue;
    }

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
    "snowflake" => section.Get<SnowflakeCredentials>(Strict)!,
    "postgres" => section.Get<PostgresCredentials>(Strict)!,
    "redshift" => section.Get<RedshiftCredentials>(Strict)!,
    "mysql" => section.Get<MySqlCredentials>(Strict)!,
    "mongodb" => section.Get<MongoDbCredentials>(Strict)!,
    "clickhouse" => section.Get<ClickHouseCredentials>(Strict)!,
    "singlestore" => section.Get<SingleStoreCredentials>(Strict)!,
    "bigquery" => section.Get<BigQueryCredentials>(Strict)!,
    "databricks" => section.Get<DatabricksCredentials>(Strict)!,
    "elasticsearch" => section.Get<ElasticsearchCredentials>(Strict)!,
    "opensearch" => section.Get<OpenSearchCredentials>(Strict)!,
    "mssql" => section.Get<MsSqlCredentials>(Strict)!,
    "awss3" => section.Get<AwsS3Credentials>(Strict)!,
    "csv" => section.Get<CsvCredentials>(Strict)!,
    "firebolt" => section.Get<FireboltCredentials>(Strict)!,
    "athena" => section.Get<AthenaCredentials>(Strict)!,
    "trino" => section.Get<TrinoCredentials>(Strict)!,
    _ => throw new NotSupportedException($"No record for {type}."),
};

// A misspelt key would otherwise bind nothing and say nothing: the field would be missing, or, if optional,
// silently not sent. The exception names the unknown keys (never their values).
static void Strict(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;
