namespace Databrain.Emulator.Tests.Infrastructure;

/// <summary>One valid sample per documented type. Secret values are distinctive so that a leak is easy to find.</summary>
public static class DatasourceSamples
{
    public const string Password = "pw-S3cret-9f1c";
    public const string PrivateKey = "pk-S3cret-MIIEvQ";
    public const string CredentialsJson = "{\"type\":\"service_account\",\"private_key\":\"cj-S3cret-77\"}";
    public const string Token = "dapi-S3cret-4242";
    public const string ClientSecret = "cs-S3cret-5150";
    public const string S3SecretAccessKey = "sk-S3cret-wJalr";
    public const string S3AccessKeyId = "AKIA-S3cret-ID";
    public const string SshPrivateKey = "ssh-S3cret-OPENSSH";

    public static readonly IReadOnlyList<string> SecretValues =
        [Password, PrivateKey, CredentialsJson, "cj-S3cret-77", Token, ClientSecret, S3SecretAccessKey, S3AccessKeyId, SshPrivateKey];

    private static readonly string PostgresFamily = $$"""
        {"host":"db.example.com","port":5432,"username":"dbuser","password":"{{Password}}","database":"analytics","schema":"public","sslMode":false,"sshTunnel":"disable"}
        """;

    private static readonly string HostUser = $$"""
        {"host":"db.example.com","port":3306,"user":"dbuser","password":"{{Password}}"}
        """;

    private static readonly string SearchEngine = $$"""
        {"server_type":"self-managed","server_url":"https://search.example.com:9200","username":"elastic","password":"{{Password}}","isIgnoreVerifyCert":false,"isIgnoreSsl":false}
        """;

    private static readonly string S3Bucket = $$"""
        {"bucketName":"my-bucket","datasetPath":"","s3Region":"us-east-1","tableLevel":"File","s3AccessKeyId":"{{S3AccessKeyId}}","s3SecretAccessKey":"{{S3SecretAccessKey}}"}
        """;

    public static readonly IReadOnlyList<DatasourceSample> All =
    [
        new("snowflake", $$"""
            {"host":"acme.snowflakecomputing.com","username":"analyst","role":"REPORTER","warehouse":"WH","database":"DB","schema":"PUBLIC","credentials":"username/password","password":"{{Password}}"}
            """, "name", "host", "username", "role", "warehouse", "database", "schema", "credentials", "password"),
        new("postgres", PostgresFamily, "name", "host", "port", "username", "password", "database", "schema"),
        new("redshift", PostgresFamily, "name", "host", "port", "username", "password", "database", "schema"),
        new("mysql", HostUser, "name", "host", "port", "user", "password"),
        new("mongodb", HostUser, "name", "host", "port", "user", "password"),
        new("clickhouse", HostUser, "name", "host", "port", "user", "password"),
        new("singlestore", $$"""
            {"host":"db.example.com","port":3306,"user":"dbuser","password":"{{Password}}","database":"analytics"}
            """, "name", "host", "port", "user", "password", "database"),
        new("bigquery", $$"""
            {"credentials_json":{{System.Text.Json.JsonSerializer.Serialize(CredentialsJson)}},"project_id":"acme-123","dataset_location":"US","dataset_id":"sales"}
            """, "name", "credentials_json", "project_id", "dataset_location"),
        new("databricks", $$"""
            {"serverHostname":"adb-1.azuredatabricks.net","httpPath":"/sql/1.0/warehouses/abc","token":"{{Token}}"}
            """, "name", "serverHostname", "httpPath", "token"),
        new("elasticsearch", SearchEngine, "name", "server_type", "server_url", "username", "password"),
        new("opensearch", SearchEngine, "name", "server_type", "server_url", "username", "password"),
        new("mssql", $$"""
            {"server":"sql.example.com","port":1433,"user":"sa","password":"{{Password}}","database":"sales","isDisableDatabase":false}
            """, "name", "server", "port", "user", "password"),
        new("awss3", S3Bucket, "name", "bucketName", "s3Region", "s3AccessKeyId", "s3SecretAccessKey"),
        new("csv", S3Bucket, "name", "bucketName", "s3Region", "s3AccessKeyId", "s3SecretAccessKey"),
        new("firebolt", $$"""
            {"client_id":"fb-client","client_secret":"{{ClientSecret}}","account":"acme","database":"db","engineName":"engine","schema":"public"}
            """, "name", "client_id", "client_secret", "account", "database", "engineName"),
        new("athena", $$"""
            {"database":"db","outputBucket":"s3://results/","s3AccessKeyId":"{{S3AccessKeyId}}","s3Region":"eu-west-1","s3SecretAccessKey":"{{S3SecretAccessKey}}","datasourceId":"abc"}
            """, "name", "database", "outputBucket", "s3AccessKeyId", "s3Region", "s3SecretAccessKey"),
        new("trino", $$"""
            {"host":"trino.example.com","port":8080,"catalog":"hive","schema":"default","username":"trino","password":"{{Password}}","sshTunnel":"enable","sshHost":"bastion.example.com","sshPort":22,"sshUsername":"tunnel","sshPrivateKey":"{{SshPrivateKey}}"}
            """, "name", "host", "port", "catalog", "schema", "username", "password", "sshHost", "sshPort", "sshUsername", "sshPrivateKey"),
    ];

    public static DatasourceSample Get(string type) => All.Single(sample => sample.Type == type);

    public static TheoryData<string> Types()
    {
        var data = new TheoryData<string>();
        foreach (var sample in All)
        {
            data.Add(sample.Type);
        }

        return data;
    }

    /// <summary>(type, field) for every required field of every sample.</summary>
    public static TheoryData<string, string> RequiredFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in All)
        {
            foreach (var field in sample.Required)
            {
                data.Add(sample.Type, field);
            }
        }

        return data;
    }

    /// <summary>(type, field) for every field of every sample, <c>name</c> included.</summary>
    public static TheoryData<string, string> AllFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in All)
        {
            data.Add(sample.Type, "name");
            foreach (var field in sample.Fields)
            {
                data.Add(sample.Type, field);
            }
        }

        return data;
    }

    /// <summary>(type, field) for every required string field.</summary>
    public static TheoryData<string, string> RequiredStringFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in All)
        {
            var credentials = sample.Credentials("x");
            foreach (var field in sample.Required)
            {
                if (credentials[field]!.GetValueKind() == System.Text.Json.JsonValueKind.String)
                {
                    data.Add(sample.Type, field);
                }
            }
        }

        return data;
    }
}
