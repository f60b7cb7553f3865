using Databrain.Client.Models;

namespace Databrain.Testing;

/// <summary>
/// A fully populated and a minimally populated (required fields only) valid sample of each of the
/// 17 credential types, each with its golden wire JSON. Every call builds a fresh record.
/// </summary>
public static class CredentialSamples
{
    private static readonly Dictionary<string, (Func<DatasourceCredentials> Create, string Json)> Samples = new()
    {
        ["snowflake/full"] = (() => new SnowflakeCredentials
        {
            Name = "snowflake-full", Host = "acme.snowflakecomputing.com", Username = "analyst", Role = "ANALYST",
            Warehouse = "COMPUTE_WH", Database = "SALES", Schema = "PUBLIC",
            AuthenticationMethod = SnowflakeAuthMethod.UsernamePassword, Password = "sf-password", PrivateKey = "sf-private-key",
        }, """
        {"name": "snowflake-full", "host": "acme.snowflakecomputing.com", "username": "analyst", "role": "ANALYST",
         "warehouse": "COMPUTE_WH", "database": "SALES", "schema": "PUBLIC",
         "credentials": "username/password", "password": "sf-password", "privateKey": "sf-private-key"}
        """),
        ["snowflake/minimal"] = (() => new SnowflakeCredentials
        {
            Name = "snowflake-min", Host = "acme.snowflakecomputing.com", Username = "svc", Role = "R", Warehouse = "W",
            Database = "D", Schema = "S", AuthenticationMethod = SnowflakeAuthMethod.KeyPair, PrivateKey = "-----BEGIN PRIVATE KEY-----",
        }, """
        {"name": "snowflake-min", "host": "acme.snowflakecomputing.com", "username": "svc", "role": "R", "warehouse": "W",
         "database": "D", "schema": "S", "credentials": "Key-pair authentication", "privateKey": "-----BEGIN PRIVATE KEY-----"}
        """),
        ["postgres/full"] = (() => new PostgresCredentials
        {
            Name = "pg-full", Host = "db.example.com", Port = 5432, Username = "dbuser", Password = "pg-password",
            Database = "analytics", Schema = "public", SslMode = true, SshTunnel = SshTunnel.Disable,
        }, """
        {"name": "pg-full", "host": "db.example.com", "port": 5432, "username": "dbuser", "password": "pg-password",
         "database": "analytics", "schema": "public", "sslMode": true, "sshTunnel": "disable"}
        """),
        ["postgres/minimal"] = (() => new PostgresCredentials
        {
            Name = "production-postgres", Host = "db.example.com", Port = 5432, Username = "dbuser",
            Password = "securepassword", Database = "analytics", Schema = "public",
        }, """
        {"name": "production-postgres", "host": "db.example.com", "port": 5432, "username": "dbuser",
         "password": "securepassword", "database": "analytics", "schema": "public"}
        """),
        ["redshift/full"] = (() => new RedshiftCredentials
        {
            Name = "rs-full", Host = "rs.example.com", Port = 5439, Username = "rsuser", Password = "rs-password",
            Database = "dev", Schema = "sales", SslMode = false, SshTunnel = SshTunnel.Enable,
        }, """
        {"name": "rs-full", "host": "rs.example.com", "port": 5439, "username": "rsuser", "password": "rs-password",
         "database": "dev", "schema": "sales", "sslMode": false, "sshTunnel": "enable"}
        """),
        ["redshift/minimal"] = (() => new RedshiftCredentials
        {
            Name = "rs-min", Host = "rs.example.com", Port = 65535, Username = "u", Password = "p", Database = "d", Schema = "s",
        }, """
        {"name": "rs-min", "host": "rs.example.com", "port": 65535, "username": "u", "password": "p", "database": "d", "schema": "s"}
        """),
        ["mysql/full"] = (() => new MySqlCredentials
        {
            Name = "mysql-full", Host = "mysql.example.com", Port = 3306, User = "root", Password = "mysql-password",
        }, """
        {"name": "mysql-full", "host": "mysql.example.com", "port": 3306, "user": "root", "password": "mysql-password"}
        """),
        ["mysql/minimal"] = (() => new MySqlCredentials { Name = "m", Host = "h", Port = 1, User = "u", Password = "p" },
            """{"name": "m", "host": "h", "port": 1, "user": "u", "password": "p"}"""),
        ["mongodb/full"] = (() => new MongoDbCredentials
        {
            Name = "mongo-full", Host = "mongo.example.com", Port = 27017, User = "admin", Password = "mongo-password",
        }, """
        {"name": "mongo-full", "host": "mongo.example.com", "port": 27017, "user": "admin", "password": "mongo-password"}
        """),
        ["mongodb/minimal"] = (() => new MongoDbCredentials { Name = "mg", Host = "h", Port = 2, User = "u", Password = "p" },
            """{"name": "mg", "host": "h", "port": 2, "user": "u", "password": "p"}"""),
        ["clickhouse/full"] = (() => new ClickHouseCredentials
        {
            Name = "ch-full", Host = "ch.example.com", Port = 8443, User = "default", Password = "ch-password",
        }, """
        {"name": "ch-full", "host": "ch.example.com", "port": 8443, "user": "default", "password": "ch-password"}
        """),
        ["clickhouse/minimal"] = (() => new ClickHouseCredentials { Name = "c", Host = "h", Port = 3, User = "u", Password = "p" },
            """{"name": "c", "host": "h", "port": 3, "user": "u", "password": "p"}"""),
        ["singlestore/full"] = (() => new SingleStoreCredentials
        {
            Name = "s2-full", Host = "s2.example.com", Port = 3306, User = "admin", Password = "s2-password", Database = "app",
        }, """
        {"name": "s2-full", "host": "s2.example.com", "port": 3306, "user": "admin", "password": "s2-password", "database": "app"}
        """),
        ["singlestore/minimal"] = (() => new SingleStoreCredentials { Name = "s", Host = "h", Port = 4, User = "u", Password = "p", Database = "d" },
            """{"name": "s", "host": "h", "port": 4, "user": "u", "password": "p", "database": "d"}"""),
        ["bigquery/full"] = (() => new BigQueryCredentials
        {
            Name = "bq-full", CredentialsJson = """{"type":"service_account","private_key":"k"}""", ProjectId = "acme-prod",
            DatasetLocation = "EU", DatasetId = "events",
        }, """
        {"name": "bq-full", "credentials_json": "{\"type\":\"service_account\",\"private_key\":\"k\"}", "project_id": "acme-prod",
         "dataset_location": "EU", "dataset_id": "events"}
        """),
        ["bigquery/minimal"] = (() => new BigQueryCredentials { Name = "bq", CredentialsJson = "{}", ProjectId = "p", DatasetLocation = "US" },
            """{"name": "bq", "credentials_json": "{}", "project_id": "p", "dataset_location": "US"}"""),
        ["databricks/full"] = (() => new DatabricksCredentials
        {
            Name = "dbx-full", ServerHostname = "adb-1.azuredatabricks.net", HttpPath = "/sql/1.0/warehouses/abc", Token = "dapi-token",
        }, """
        {"name": "dbx-full", "serverHostname": "adb-1.azuredatabricks.net", "httpPath": "/sql/1.0/warehouses/abc", "token": "dapi-token"}
        """),
        ["databricks/minimal"] = (() => new DatabricksCredentials { Name = "d", ServerHostname = "h", HttpPath = "/p", Token = "t" },
            """{"name": "d", "serverHostname": "h", "httpPath": "/p", "token": "t"}"""),
        ["elasticsearch/full"] = (() => new ElasticsearchCredentials
        {
            Name = "es-full", ServerType = SearchServerType.SelfManaged, CloudId = "deployment:abc", ServerUrl = "https://es.example.com:9200",
            Username = "elastic", Password = "es-password", IgnoreVerifyCert = true, IgnoreSsl = false,
        }, """
        {"name": "es-full", "server_type": "self-managed", "cloud_id": "deployment:abc", "server_url": "https://es.example.com:9200",
         "username": "elastic", "password": "es-password", "isIgnoreVerifyCert": true, "isIgnoreSsl": false}
        """),
        ["elasticsearch/minimal"] = (() => new ElasticsearchCredentials
        {
            Name = "es-min", ServerType = SearchServerType.ElasticCloud, CloudId = "deployment:xyz", Username = "u", Password = "p",
        }, """
        {"name": "es-min", "server_type": "elastic-cloud", "cloud_id": "deployment:xyz", "username": "u", "password": "p"}
        """),
        ["opensearch/full"] = (() => new OpenSearchCredentials
        {
            Name = "os-full", ServerType = SearchServerType.OpenCloud, CloudId = "os-cloud", ServerUrl = "https://os.example.com",
            Username = "admin", Password = "os-password", IgnoreVerifyCert = false, IgnoreSsl = true,
        }, """
        {"name": "os-full", "server_type": "open-cloud", "cloud_id": "os-cloud", "server_url": "https://os.example.com",
         "username": "admin", "password": "os-password", "isIgnoreVerifyCert": false, "isIgnoreSsl": true}
        """),
        ["opensearch/minimal"] = (() => new OpenSearchCredentials
        {
            Name = "os-min", ServerType = SearchServerType.SelfManaged, ServerUrl = "http://localhost:9200", Username = "u", Password = "p",
        }, """
        {"name": "os-min", "server_type": "self-managed", "server_url": "http://localhost:9200", "username": "u", "password": "p"}
        """),
        ["mssql/full"] = (() => new MsSqlCredentials
        {
            Name = "mssql-full", Server = "sql.example.com", Port = 1433, User = "sa", Password = "mssql-password",
            Database = "master", DisableDatabase = true,
        }, """
        {"name": "mssql-full", "server": "sql.example.com", "port": 1433, "user": "sa", "password": "mssql-password",
         "database": "master", "isDisableDatabase": true}
        """),
        ["mssql/minimal"] = (() => new MsSqlCredentials { Name = "ms", Server = "s", Port = 1433, User = "u", Password = "p" },
            """{"name": "ms", "server": "s", "port": 1433, "user": "u", "password": "p"}"""),
        ["awss3/full"] = (() => new AwsS3Credentials
        {
            Name = "s3-full", BucketName = "acme-data", DatasetPath = "exports/2026/", S3Region = "eu-west-1",
            TableLevel = TableLevel.Folder, S3AccessKeyId = "AKIAEXAMPLE", S3SecretAccessKey = "s3-secret",
        }, """
        {"name": "s3-full", "bucketName": "acme-data", "datasetPath": "exports/2026/", "s3Region": "eu-west-1",
         "tableLevel": "Folder", "s3AccessKeyId": "AKIAEXAMPLE", "s3SecretAccessKey": "s3-secret"}
        """),
        ["awss3/minimal"] = (() => new AwsS3Credentials { Name = "s3", BucketName = "b", S3Region = "us-east-1", S3AccessKeyId = "a", S3SecretAccessKey = "s" },
            """{"name": "s3", "bucketName": "b", "s3Region": "us-east-1", "s3AccessKeyId": "a", "s3SecretAccessKey": "s"}"""),
        ["csv/full"] = (() => new CsvCredentials
        {
            Name = "csv-full", BucketName = "acme-csv", DatasetPath = "", S3Region = "us-east-1",
            TableLevel = TableLevel.File, S3AccessKeyId = "AKIACSV", S3SecretAccessKey = "csv-secret",
        }, """
        {"name": "csv-full", "bucketName": "acme-csv", "datasetPath": "", "s3Region": "us-east-1",
         "tableLevel": "File", "s3AccessKeyId": "AKIACSV", "s3SecretAccessKey": "csv-secret"}
        """),
        ["csv/minimal"] = (() => new CsvCredentials { Name = "csv", BucketName = "b", S3Region = "r", S3AccessKeyId = "a", S3SecretAccessKey = "s" },
            """{"name": "csv", "bucketName": "b", "s3Region": "r", "s3AccessKeyId": "a", "s3SecretAccessKey": "s"}"""),
        ["firebolt/full"] = (() => new FireboltCredentials
        {
            Name = "fb-full", ClientId = "client-id", ClientSecret = "fb-secret", Account = "acme", Database = "db",
            EngineName = "engine1", Schema = "public",
        }, """
        {"name": "fb-full", "client_id": "client-id", "client_secret": "fb-secret", "account": "acme", "database": "db",
         "engineName": "engine1", "schema": "public"}
        """),
        ["firebolt/minimal"] = (() => new FireboltCredentials { Name = "fb", ClientId = "i", ClientSecret = "s", Account = "a", Database = "d", EngineName = "e" },
            """{"name": "fb", "client_id": "i", "client_secret": "s", "account": "a", "database": "d", "engineName": "e"}"""),
        ["athena/full"] = (() => new AthenaCredentials
        {
            Name = "athena-full", Database = "default", OutputBucket = "s3://acme-athena-results/", S3AccessKeyId = "AKIAATHENA",
            S3Region = "us-west-2", S3SecretAccessKey = "athena-secret", DatasourceId = "AwsDataCatalog",
        }, """
        {"name": "athena-full", "database": "default", "outputBucket": "s3://acme-athena-results/", "s3AccessKeyId": "AKIAATHENA",
         "s3Region": "us-west-2", "s3SecretAccessKey": "athena-secret", "datasourceId": "AwsDataCatalog"}
        """),
        ["athena/minimal"] = (() => new AthenaCredentials { Name = "a", Database = "d", OutputBucket = "o", S3AccessKeyId = "k", S3Region = "r", S3SecretAccessKey = "s" },
            """{"name": "a", "database": "d", "outputBucket": "o", "s3AccessKeyId": "k", "s3Region": "r", "s3SecretAccessKey": "s"}"""),
        ["trino/full"] = (() => new TrinoCredentials
        {
            Name = "trino-full", Host = "trino.internal", Port = 8080, Catalog = "hive", Schema = "web", Username = "trino",
            Password = "trino-password", SshTunnel = SshTunnel.Enable, SshHost = "bastion.example.com", SshPort = 22,
            SshUsername = "tunnel", SshPrivateKey = "-----BEGIN OPENSSH PRIVATE KEY-----",
        }, """
        {"name": "trino-full", "host": "trino.internal", "port": 8080, "catalog": "hive", "schema": "web", "username": "trino",
         "password": "trino-password", "sshTunnel": "enable", "sshHost": "bastion.example.com", "sshPort": 22,
         "sshUsername": "tunnel", "sshPrivateKey": "-----BEGIN OPENSSH PRIVATE KEY-----"}
        """),
        ["trino/minimal"] = (() => new TrinoCredentials { Name = "t", Host = "h", Port = 443, Catalog = "c", Schema = "s", Username = "u", Password = "p" },
            """{"name": "t", "host": "h", "port": 443, "catalog": "c", "schema": "s", "username": "u", "password": "p"}"""),
    };

    /// <summary>Every sample key, for example <c>postgres/full</c>, as theory data.</summary>
    public static TheoryData<string> Keys => [.. Samples.Keys];

    /// <summary>Every sample key.</summary>
    public static IEnumerable<string> AllKeys => Samples.Keys;

    /// <summary>The keys of the fully populated samples.</summary>
    public static IEnumerable<string> FullKeys => Samples.Keys.Where(k => k.EndsWith("/full", StringComparison.Ordinal));

    /// <summary>A fresh record of the sample.</summary>
    public static DatasourceCredentials Create(string key) => Samples[key].Create();

    /// <summary>The sample's golden wire JSON (the <c>credentials</c> object).</summary>
    public static string Json(string key) => Samples[key].Json;

    /// <summary>The sample's <c>datasourceType</c>: the part of the key before the slash.</summary>
    public static DatasourceType TypeOf(string key) => key[..key.IndexOf('/', StringComparison.Ordinal)];
}
