using Databrain.Client.Models;
using Databrain.Client.Serialization;

namespace Databrain.Client.Validation;

/// <summary>
/// The validation rules of each credential wire shape, in the spec's field order (section 4). Types
/// that share a shape share a rule (postgres and redshift, say). <see cref="DatasourceTypeTable"/>
/// says which rule each documented type uses; <c>name</c> is checked before any of them.
/// </summary>
internal static class CredentialRules
{
    private const string SnowflakePasswordMethod = "credentials is \"username/password\"";
    private const string SnowflakeKeyPairMethod = "credentials is \"Key-pair authentication\"";
    private const string CloudServer = "server_type is \"elastic-cloud\" or \"open-cloud\"";
    private const string SelfManagedServer = "server_type is \"self-managed\"";
    private const string SshEnabled = "sshTunnel is \"enable\"";

    public static void Snowflake(SnowflakeCredentials c, ProblemCollector check) =>
        check.Required("host", c.Host).Required("username", c.Username).Required("role", c.Role)
            .Required("warehouse", c.Warehouse).Required("database", c.Database).Required("schema", c.Schema)
            .Defined("credentials", c.AuthenticationMethod, SnowflakeAuthMethodJsonConverter.Instance)
            .RequiredWhen(c.AuthenticationMethod == SnowflakeAuthMethod.UsernamePassword, SnowflakePasswordMethod, "password", c.Password)
            .RequiredWhen(c.AuthenticationMethod == SnowflakeAuthMethod.KeyPair, SnowflakeKeyPairMethod, "privateKey", c.PrivateKey);

    public static void PostgresFamily(PostgresFamilyCredentials c, ProblemCollector check) =>
        check.Required("host", c.Host).Port("port", c.Port).Required("username", c.Username)
            .Required("password", c.Password).Required("database", c.Database).Required("schema", c.Schema)
            .Defined("sshTunnel", c.SshTunnel, SshTunnelJsonConverter.Instance);

    public static void BigQuery(BigQueryCredentials c, ProblemCollector check) =>
        check.Required("credentials_json", c.CredentialsJson).Required("project_id", c.ProjectId)
            .Required("dataset_location", c.DatasetLocation);

    public static void HostUser(HostUserCredentials c, ProblemCollector check) =>
        check.Required("host", c.Host).Port("port", c.Port).Required("user", c.User).Required("password", c.Password);

    public static void MsSql(MsSqlCredentials c, ProblemCollector check) =>
        check.Required("server", c.Server).Port("port", c.Port).Required("user", c.User).Required("password", c.Password);

    public static void SingleStore(SingleStoreCredentials c, ProblemCollector check) =>
        check.Required("host", c.Host).Port("port", c.Port).Required("user", c.User).Required("password", c.Password)
            .Required("database", c.Database);

    public static void Databricks(DatabricksCredentials c, ProblemCollector check) =>
        check.Required("serverHostname", c.ServerHostname).Required("httpPath", c.HttpPath).Required("token", c.Token);

    public static void SearchEngine(SearchEngineCredentials c, ProblemCollector check)
    {
        var cloud = c.ServerType is SearchServerType.ElasticCloud or SearchServerType.OpenCloud;
        check.Defined("server_type", c.ServerType, SearchServerTypeJsonConverter.Instance)
            .RequiredWhen(cloud, CloudServer, "cloud_id", c.CloudId)
            .RequiredWhen(c.ServerType == SearchServerType.SelfManaged, SelfManagedServer, "server_url", c.ServerUrl)
            .Required("username", c.Username).Required("password", c.Password);
    }

    public static void Firebolt(FireboltCredentials c, ProblemCollector check) =>
        check.Required("client_id", c.ClientId).Required("client_secret", c.ClientSecret).Required("account", c.Account)
            .Required("database", c.Database).Required("engineName", c.EngineName);

    public static void Athena(AthenaCredentials c, ProblemCollector check) =>
        check.Required("database", c.Database).Required("outputBucket", c.OutputBucket)
            .Required("s3AccessKeyId", c.S3AccessKeyId).Required("s3Region", c.S3Region)
            .Required("s3SecretAccessKey", c.S3SecretAccessKey);

    public static void Trino(TrinoCredentials c, ProblemCollector check)
    {
        var ssh = c.SshTunnel == SshTunnel.Enable;
        check.Required("host", c.Host).Port("port", c.Port).Required("catalog", c.Catalog).Required("schema", c.Schema)
            .Required("username", c.Username).Required("password", c.Password)
            .Defined("sshTunnel", c.SshTunnel, SshTunnelJsonConverter.Instance)
            .RequiredWhen(ssh, SshEnabled, "sshHost", c.SshHost)
            .RequiredWhen(ssh, SshEnabled, "sshPort", c.SshPort).Port("sshPort", c.SshPort)
            .RequiredWhen(ssh, SshEnabled, "sshUsername", c.SshUsername)
            .RequiredWhen(ssh, SshEnabled, "sshPrivateKey", c.SshPrivateKey);
    }

    // datasetPath is optional and may be the empty string.
    public static void S3Bucket(S3BucketCredentials c, ProblemCollector check) =>
        check.Required("bucketName", c.BucketName).Required("s3Region", c.S3Region)
            .Defined("tableLevel", c.TableLevel, TableLevelJsonConverter.Instance)
            .Required("s3AccessKeyId", c.S3AccessKeyId).Required("s3SecretAccessKey", c.S3SecretAccessKey);
}
