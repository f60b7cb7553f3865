using System.Diagnostics.CodeAnalysis;
using Databrain.Client.Validation;

namespace Databrain.Client.Models;

/// <summary>
/// The documented datasource types (spec section 3), one row each: wire value, credential record,
/// validation rules. <see cref="DatasourceType.WellKnown"/>, reading (<c>CredentialsReader</c>) and
/// <see cref="DatasourceValidator"/> all work from it. The source generators need their own lists
/// (<c>[JsonDerivedType]</c>, <c>[JsonSerializable]</c>); a test holds them equal to this table.
/// docs/adding-a-datasource-type.md has the whole checklist.
/// </summary>
internal static class DatasourceTypeTable
{
    // Initialization order: this class reads DatasourceType's statics, never the reverse
    // (WellKnown is a computed property), so whichever is touched first, both end up complete.

    /// <summary>Every documented type, in the spec's order (which is <see cref="DatasourceType.WellKnown"/>'s).</summary>
    public static IReadOnlyList<DatasourceTypeRow> Rows { get; } = Array.AsReadOnly<DatasourceTypeRow>(
    [
        DatasourceTypeRow.Create<SnowflakeCredentials>(DatasourceType.Snowflake, CredentialRules.Snowflake),
        DatasourceTypeRow.Create<PostgresCredentials>(DatasourceType.Postgres, CredentialRules.PostgresFamily),
        DatasourceTypeRow.Create<RedshiftCredentials>(DatasourceType.Redshift, CredentialRules.PostgresFamily),
        DatasourceTypeRow.Create<MySqlCredentials>(DatasourceType.MySql, CredentialRules.HostUser),
        DatasourceTypeRow.Create<MongoDbCredentials>(DatasourceType.MongoDb, CredentialRules.HostUser),
        DatasourceTypeRow.Create<ClickHouseCredentials>(DatasourceType.ClickHouse, CredentialRules.HostUser),
        DatasourceTypeRow.Create<SingleStoreCredentials>(DatasourceType.SingleStore, CredentialRules.SingleStore),
        DatasourceTypeRow.Create<BigQueryCredentials>(DatasourceType.BigQuery, CredentialRules.BigQuery),
        DatasourceTypeRow.Create<DatabricksCredentials>(DatasourceType.Databricks, CredentialRules.Databricks),
        DatasourceTypeRow.Create<ElasticsearchCredentials>(DatasourceType.Elasticsearch, CredentialRules.SearchEngine),
        DatasourceTypeRow.Create<OpenSearchCredentials>(DatasourceType.OpenSearch, CredentialRules.SearchEngine),
        DatasourceTypeRow.Create<MsSqlCredentials>(DatasourceType.MsSql, CredentialRules.MsSql),
        DatasourceTypeRow.Create<AwsS3Credentials>(DatasourceType.AwsS3, CredentialRules.S3Bucket),
        DatasourceTypeRow.Create<CsvCredentials>(DatasourceType.Csv, CredentialRules.S3Bucket),
        DatasourceTypeRow.Create<FireboltCredentials>(DatasourceType.Firebolt, CredentialRules.Firebolt),
        DatasourceTypeRow.Create<AthenaCredentials>(DatasourceType.Athena, CredentialRules.Athena),
        DatasourceTypeRow.Create<TrinoCredentials>(DatasourceType.Trino, CredentialRules.Trino),
    ]);

    /// <summary>The wire values of <see cref="Rows"/>, in order: the list behind <see cref="DatasourceType.WellKnown"/>.</summary>
    public static IReadOnlyList<DatasourceType> Types { get; } = Array.AsReadOnly(Rows.Select(row => row.Type).ToArray());

    // ToDictionary throws on a duplicate, so two rows for one type or one record cannot go unnoticed.
    // DatasourceType compares ignoring case, as the server does.
    private static readonly Dictionary<DatasourceType, DatasourceTypeRow> ByType = Rows.ToDictionary(row => row.Type);
    private static readonly Dictionary<Type, DatasourceTypeRow> ByRecord = Rows.ToDictionary(row => row.CredentialsType);

    /// <summary>The row of a documented <c>datasourceType</c>; <see langword="false"/> for any other value.</summary>
    public static bool TryGet(DatasourceType type, [NotNullWhen(true)] out DatasourceTypeRow? row) => ByType.TryGetValue(type, out row);

    /// <summary>The row whose record is exactly <paramref name="credentialsType"/>; <see langword="false"/> for <see cref="CustomCredentials"/>.</summary>
    public static bool TryGetByRecord(Type credentialsType, [NotNullWhen(true)] out DatasourceTypeRow? row) =>
        ByRecord.TryGetValue(credentialsType, out row);
}
