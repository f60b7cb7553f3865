using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Databrain.Client.Serialization;

namespace Databrain.Client.Models;

/// <summary>
/// The kind of a datasource, as sent in <c>datasourceType</c>. An extensible enum: the 17 documented
/// values are static properties, and any other string (a type DataBrain adds later) converts implicitly.
/// </summary>
[JsonConverter(typeof(DatasourceTypeJsonConverter))]
public readonly struct DatasourceType : IEquatable<DatasourceType>
{
    private readonly string? _value;

    /// <summary>Creates a datasource type from its wire value.</summary>
    /// <param name="value">The lowercase wire value, for example <c>postgres</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public DatasourceType(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>The wire value sent as <c>datasourceType</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary><c>snowflake</c></summary>
    public static DatasourceType Snowflake { get; } = new("snowflake");
    /// <summary><c>postgres</c></summary>
    public static DatasourceType Postgres { get; } = new("postgres");
    /// <summary><c>redshift</c></summary>
    public static DatasourceType Redshift { get; } = new("redshift");
    /// <summary><c>mysql</c></summary>
    public static DatasourceType MySql { get; } = new("mysql");
    /// <summary><c>mongodb</c></summary>
    public static DatasourceType MongoDb { get; } = new("mongodb");
    /// <summary><c>clickhouse</c></summary>
    public static DatasourceType ClickHouse { get; } = new("clickhouse");
    /// <summary><c>singlestore</c></summary>
    public static DatasourceType SingleStore { get; } = new("singlestore");
    /// <summary><c>bigquery</c></summary>
    public static DatasourceType BigQuery { get; } = new("bigquery");
    /// <summary><c>databricks</c></summary>
    public static DatasourceType Databricks { get; } = new("databricks");
    /// <summary><c>elasticsearch</c></summary>
    public static DatasourceType Elasticsearch { get; } = new("elasticsearch");
    /// <summary><c>opensearch</c></summary>
    public static DatasourceType OpenSearch { get; } = new("opensearch");
    /// <summary><c>mssql</c></summary>
    public static DatasourceType MsSql { get; } = new("mssql");
    /// <summary><c>awss3</c></summary>
    public static DatasourceType AwsS3 { get; } = new("awss3");
    /// <summary><c>csv</c></summary>
    public static DatasourceType Csv { get; } = new("csv");
    /// <summary><c>firebolt</c></summary>
    public static DatasourceType Firebolt { get; } = new("firebolt");
    /// <summary><c>athena</c></summary>
    public static DatasourceType Athena { get; } = new("athena");
    /// <summary><c>trino</c></summary>
    public static DatasourceType Trino { get; } = new("trino");

    /// <summary>The 17 datasource types documented by DataBrain.</summary>
    // Computed, not stored: the table reads the properties above while it is built, so a static
    // initializer here reading the table back could see it half-built (null) if the table came first.
    public static IReadOnlyList<DatasourceType> WellKnown => DatasourceTypeTable.Types;

    /// <summary>Converts a wire value to a <see cref="DatasourceType"/>.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator DatasourceType(string value) => new(value);

    /// <summary>Compares two types by wire value, ignoring case.</summary>
    public static bool operator ==(DatasourceType left, DatasourceType right) => left.Equals(right);

    /// <summary>Compares two types by wire value, ignoring case.</summary>
    public static bool operator !=(DatasourceType left, DatasourceType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(DatasourceType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is DatasourceType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;
}
