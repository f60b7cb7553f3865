using Databrain.Client.Models;
using Databrain.Client.Serialization;

namespace Databrain.Client;

/// <summary>
/// Checks credentials and tenancy settings against the DataBrain wire contract before anything is
/// sent: required fields, port ranges, the conditional rules of Snowflake, Elasticsearch/OpenSearch
/// and Trino, and enum values that have no wire form. Every problem is reported at once.
/// </summary>
/// <remarks>
/// A problem names the field by its wire path (<c>credentials.port</c>, <c>tenancySettings.tableName</c>)
/// and explains the rule in plain English. It never contains the field's value, which may be a secret.
/// </remarks>
public static class DatasourceValidator
{
    private const string SnowflakePasswordMethod = "credentials is \"username/password\"";
    private const string SnowflakeKeyPairMethod = "credentials is \"Key-pair authentication\"";
    private const string CloudServer = "server_type is \"elastic-cloud\" or \"open-cloud\"";
    private const string SelfManagedServer = "server_type is \"self-managed\"";
    private const string SshEnabled = "sshTunnel is \"enable\"";
    private const string TableTenancy = "tenancyLevel is \"TABLE\"";

    /// <summary>Finds every problem in <paramref name="credentials"/> and <paramref name="tenancySettings"/>.</summary>
    /// <param name="credentials">The credentials to check.</param>
    /// <param name="tenancySettings">The tenancy settings to check, if any will be sent.</param>
    /// <returns>Every problem, in field order; an empty list when the request is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<ValidationProblem> Validate(DatasourceCredentials credentials, TenancySettings? tenancySettings = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var problems = new List<ValidationProblem>();
        if (credentials is CustomCredentials && string.IsNullOrWhiteSpace(credentials.DatasourceType.Value))
        {
            problems.Add(new ValidationProblem("datasourceType", "is required and must not be empty or white space."));
        }

        CheckCredentials(credentials, new ProblemCollector("credentials", problems).Required("name", credentials.Name));
        if (tenancySettings is not null)
        {
            CheckTenancy(tenancySettings, new ProblemCollector("tenancySettings", problems));
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds any problem.</summary>
    /// <param name="credentials">The credentials to check.</param>
    /// <param name="tenancySettings">The tenancy settings to check, if any will be sent.</param>
    /// <param name="operation">The operation about to run, recorded on the exception; <see langword="null"/> if none.</param>
    /// <exception cref="DatabrainValidationException">At least one problem was found; it lists them all.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is <see langword="null"/>.</exception>
    public static void ThrowIfInvalid(DatasourceCredentials credentials, TenancySettings? tenancySettings, DatabrainOperation? operation)
    {
        var problems = Validate(credentials, tenancySettings);
        if (problems.Count > 0)
        {
            throw new DatabrainValidationException(operation, problems);
        }
    }

    // The rules of each wire shape, in the spec's field order. The four abstract bases carry the
    // rules of the types that share their shape. CustomCredentials needs only its name (checked above).
    private static void CheckCredentials(DatasourceCredentials credentials, ProblemCollector check)
    {
        switch (credentials)
        {
            case SnowflakeCredentials c:
                check.Required("host", c.Host).Required("username", c.Username).Required("role", c.Role)
                    .Required("warehouse", c.Warehouse).Required("database", c.Database).Required("schema", c.Schema)
                    .Defined("credentials", c.AuthenticationMethod, SnowflakeAuthMethodJsonConverter.Instance)
                    .RequiredWhen(c.AuthenticationMethod == SnowflakeAuthMethod.UsernamePassword, SnowflakePasswordMethod, "password", c.Password)
                    .RequiredWhen(c.AuthenticationMethod == SnowflakeAuthMethod.KeyPair, SnowflakeKeyPairMethod, "privateKey", c.PrivateKey);
                break;
            case PostgresFamilyCredentials c:
                check.Required("host", c.Host).Port("port", c.Port).Required("username", c.Username)
                    .Required("password", c.Password).Required("database", c.Database).Required("schema", c.Schema)
                    .Defined("sshTunnel", c.SshTunnel, SshTunnelJsonConverter.Instance);
                break;
            case BigQueryCredentials c:
                check.Required("credentials_json", c.CredentialsJson).Required("project_id", c.ProjectId)
                    .Required("dataset_location", c.DatasetLocation);
                break;
            case HostUserCredentials c:
                check.Required("host", c.Host).Port("port", c.Port).Required("user", c.User).Required("password", c.Password);
                break;
            case MsSqlCredentials c:
                check.Required("server", c.Server).Port("port", c.Port).Required("user", c.User).Required("password", c.Password);
                break;
            case SingleStoreCredentials c:
                check.Required("host", c.Host).Port("port", c.Port).Required("user", c.User).Required("password", c.Password)
                    .Required("database", c.Database);
                break;
            case DatabricksCredentials c:
                check.Required("serverHostname", c.ServerHostname).Required("httpPath", c.HttpPath).Required("token", c.Token);
                break;
            case SearchEngineCredentials c:
                var cloud = c.ServerType is SearchServerType.ElasticCloud or SearchServerType.OpenCloud;
                check.Defined("server_type", c.ServerType, SearchServerTypeJsonConverter.Instance)
                    .RequiredWhen(cloud, CloudServer, "cloud_id", c.CloudId)
                    .RequiredWhen(c.ServerType == SearchServerType.SelfManaged, SelfManagedServer, "server_url", c.ServerUrl)
                    .Required("username", c.Username).Required("password", c.Password);
                break;
            case FireboltCredentials c:
                check.Required("client_id", c.ClientId).Required("client_secret", c.ClientSecret).Required("account", c.Account)
                    .Required("database", c.Database).Required("engineName", c.EngineName);
                break;
            case AthenaCredentials c:
                check.Required("database", c.Database).Required("outputBucket", c.OutputBucket)
                    .Required("s3AccessKeyId", c.S3AccessKeyId).Required("s3Region", c.S3Region)
                    .Required("s3SecretAccessKey", c.S3SecretAccessKey);
                break;
            case TrinoCredentials c:
                var ssh = c.SshTunnel == SshTunnel.Enable;
                check.Required("host", c.Host).Port("port", c.Port).Required("catalog", c.Catalog).Required("schema", c.Schema)
                    .Required("username", c.Username).Required("password", c.Password)
                    .Defined("sshTunnel", c.SshTunnel, SshTunnelJsonConverter.Instance)
                    .RequiredWhen(ssh, SshEnabled, "sshHost", c.SshHost)
                    .RequiredWhen(ssh, SshEnabled, "sshPort", c.SshPort).Port("sshPort", c.SshPort)
                    .RequiredWhen(ssh, SshEnabled, "sshUsername", c.SshUsername)
                    .RequiredWhen(ssh, SshEnabled, "sshPrivateKey", c.SshPrivateKey);
                break;
            case S3BucketCredentials c:
                // datasetPath is optional and may be the empty string.
                check.Required("bucketName", c.BucketName).Required("s3Region", c.S3Region)
                    .Defined("tableLevel", c.TableLevel, TableLevelJsonConverter.Instance)
                    .Required("s3AccessKeyId", c.S3AccessKeyId).Required("s3SecretAccessKey", c.S3SecretAccessKey);
                break;
        }
    }

    private static void CheckTenancy(TenancySettings settings, ProblemCollector check)
    {
        var table = settings.TenancyLevel == TenancyLevel.Table;
        check.Defined("tenancyLevel", settings.TenancyLevel, TenancyLevelJsonConverter.Instance)
            .Defined("clientColumnType", settings.ClientColumnType, ClientColumnTypeJsonConverter.Instance)
            .RequiredWhen(table, TableTenancy, "clientColumnType", settings.ClientColumnType)
            .RequiredWhen(table, TableTenancy, "schemaName", settings.SchemaName)
            .RequiredWhen(table, TableTenancy, "tableName", settings.TableName)
            .RequiredWhen(table, TableTenancy, "tableClientNameColumn", settings.TableClientNameColumn)
            .RequiredWhen(table, TableTenancy, "tablePrimaryKeyColumn", settings.TablePrimaryKeyColumn);
    }
}
