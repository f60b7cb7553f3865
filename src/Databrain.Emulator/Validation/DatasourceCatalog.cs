using static Databrain.Emulator.Validation.FieldRule;

namespace Databrain.Emulator.Validation;

/// <summary>
/// The spec's credential table (section 4 of <c>datasource-api.md</c>), one entry per documented
/// <c>datasourceType</c>. Validation is driven by this table alone.
/// </summary>
internal static class DatasourceCatalog
{
    private static readonly string[] SshTunnelValues = ["enable", "disable"];

    /// <summary>The secret credential fields: their values are never logged, echoed or returned.</summary>
    public static readonly IReadOnlyList<string> SecretFields =
    [
        "password", "privateKey", "credentials_json", "token", "client_secret",
        "s3SecretAccessKey", "sshPrivateKey", "s3AccessKeyId",
    ];

    /// <summary>Every documented type, in the spec's order.</summary>
    public static readonly IReadOnlyList<DatasourceTypeRules> All =
    [
        new("snowflake",
        [
            RequiredString("name"), RequiredString("host"), RequiredString("username"), RequiredString("role"),
            RequiredString("warehouse"), RequiredString("database"), RequiredString("schema"),
            RequiredEnum("credentials", "username/password", "Key-pair authentication"),
            OptionalString("password"), OptionalString("privateKey"),
        ],
        [
            new ConditionalRule("credentials", "username/password", ["password"]),
            new ConditionalRule("credentials", "Key-pair authentication", ["privateKey"]),
        ]),
        PostgresFamily("postgres"),
        PostgresFamily("redshift"),
        HostUser("mysql"),
        HostUser("mongodb"),
        HostUser("clickhouse"),
        new("singlestore",
        [
            RequiredString("name"), RequiredString("host"), RequiredPort("port"), RequiredString("user"),
            RequiredString("password"), RequiredString("database"),
        ],
        []),
        new("bigquery",
        [
            RequiredString("name"), RequiredString("credentials_json"), RequiredString("project_id"),
            RequiredString("dataset_location"), OptionalString("dataset_id"),
        ],
        []),
        new("databricks",
        [
            RequiredString("name"), RequiredString("serverHostname"), RequiredString("httpPath"), RequiredString("token"),
        ],
        []),
        SearchEngine("elasticsearch"),
        SearchEngine("opensearch"),
        new("mssql",
        [
            RequiredString("name"), RequiredString("server"), RequiredPort("port"), RequiredString("user"),
            RequiredString("password"), OptionalString("database"), OptionalBoolean("isDisableDatabase"),
        ],
        []),
        S3Bucket("awss3"),
        S3Bucket("csv"),
        new("firebolt",
        [
            RequiredString("name"), RequiredString("client_id"), RequiredString("client_secret"), RequiredString("account"),
            RequiredString("database"), RequiredString("engineName"), OptionalString("schema"),
        ],
        []),
        new("athena",
        [
            RequiredString("name"), RequiredString("database"), RequiredString("outputBucket"), RequiredString("s3AccessKeyId"),
            RequiredString("s3Region"), RequiredString("s3SecretAccessKey"), OptionalString("datasourceId"),
        ],
        []),
        new("trino",
        [
            RequiredString("name"), RequiredString("host"), RequiredPort("port"), RequiredString("catalog"),
            RequiredString("schema"), RequiredString("username"), RequiredString("password"),
            OptionalEnum("sshTunnel", SshTunnelValues), OptionalString("sshHost"), OptionalPort("sshPort"),
            OptionalString("sshUsername"), OptionalString("sshPrivateKey"),
        ],
        [
            new ConditionalRule("sshTunnel", "enable", ["sshHost", "sshPort", "sshUsername", "sshPrivateKey"]),
        ]),
    ];

    private static readonly Dictionary<string, DatasourceTypeRules> ByType =
        All.ToDictionary(rules => rules.Type, StringComparer.Ordinal);

    /// <summary>The wire values of every documented type.</summary>
    public static readonly IReadOnlyList<string> TypeNames = [.. All.Select(rules => rules.Type)];

    public static DatasourceTypeRules? Find(string datasourceType) =>
        ByType.GetValueOrDefault(datasourceType);

    private static DatasourceTypeRules PostgresFamily(string type) => new(type,
    [
        RequiredString("name"), RequiredString("host"), RequiredPort("port"), RequiredString("username"),
        RequiredString("password"), RequiredString("database"), RequiredString("schema"),
        OptionalBoolean("sslMode"), OptionalEnum("sshTunnel", SshTunnelValues),
    ],
    []);

    private static DatasourceTypeRules HostUser(string type) => new(type,
    [
        RequiredString("name"), RequiredString("host"), RequiredPort("port"), RequiredString("user"), RequiredString("password"),
    ],
    []);

    private static DatasourceTypeRules SearchEngine(string type) => new(type,
    [
        RequiredString("name"), RequiredEnum("server_type", "elastic-cloud", "open-cloud", "self-managed"),
        OptionalString("cloud_id"), OptionalString("server_url"), RequiredString("username"), RequiredString("password"),
        OptionalBoolean("isIgnoreVerifyCert"), OptionalBoolean("isIgnoreSsl"),
    ],
    [
        new ConditionalRule("server_type", "elastic-cloud", ["cloud_id"]),
        new ConditionalRule("server_type", "open-cloud", ["cloud_id"]),
        new ConditionalRule("server_type", "self-managed", ["server_url"]),
    ]);

    private static DatasourceTypeRules S3Bucket(string type) => new(type,
    [
        RequiredString("name"), RequiredString("bucketName"), OptionalString("datasetPath"), RequiredString("s3Region"),
        OptionalEnum("tableLevel", "File", "Folder"), RequiredString("s3AccessKeyId"), RequiredString("s3SecretAccessKey"),
    ],
    []);
}
