using System.Text.Json;
using Databrain.Client.Models;
using Databrain.Client.Serialization;

namespace Databrain.Client.Tests.Models;

public class DatasourceTypeTests
{
    [Theory]
    [InlineData("POSTGRES")]
    [InlineData("Postgres")]
    [InlineData("postgres")]
    public void Equality_IgnoresCase(string value)
    {
        var type = new DatasourceType(value);

        (type == DatasourceType.Postgres).Should().BeTrue();
        (type != DatasourceType.Postgres).Should().BeFalse();
        type.Equals(DatasourceType.Postgres).Should().BeTrue();
        type.Equals((object)DatasourceType.Postgres).Should().BeTrue();
        type.GetHashCode().Should().Be(DatasourceType.Postgres.GetHashCode());
    }

    [Fact]
    public void Equality_OfDifferentValues_IsFalse()
    {
        (DatasourceType.Postgres == DatasourceType.Redshift).Should().BeFalse();
        (DatasourceType.Postgres != DatasourceType.Redshift).Should().BeTrue();
        DatasourceType.Postgres.Equals((object)"postgres").Should().BeFalse();
    }

    [Fact]
    public void ImplicitConversion_FromAString_KeepsTheValueAsWritten()
    {
        DatasourceType type = "CockroachDB";

        type.Value.Should().Be("CockroachDB");
        type.ToString().Should().Be("CockroachDB");
        type.Should().Be(new DatasourceType("cockroachdb"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_WhenTheValueIsBlank_Throws(string value)
    {
        var act = () => new DatasourceType(value);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("value");
    }

    [Fact]
    public void Constructor_WhenTheValueIsNull_Throws()
    {
        var act = () => new DatasourceType(null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("value");
    }

    [Fact]
    public void Default_HasAnEmptyValue()
    {
        default(DatasourceType).Value.Should().BeEmpty();
    }

    [Fact]
    public void WellKnown_HoldsTheSeventeenDocumentedValuesInTheSpecOrder()
    {
        DatasourceType.WellKnown.Select(t => t.Value).Should().Equal(
            "snowflake", "postgres", "redshift", "mysql", "mongodb", "clickhouse", "singlestore", "bigquery", "databricks",
            "elasticsearch", "opensearch", "mssql", "awss3", "csv", "firebolt", "athena", "trino");
    }

    [Fact]
    public void WellKnownProperties_HaveTheirLowercaseWireValues()
    {
        new[]
        {
            DatasourceType.Snowflake, DatasourceType.Postgres, DatasourceType.Redshift, DatasourceType.MySql, DatasourceType.MongoDb,
            DatasourceType.ClickHouse, DatasourceType.SingleStore, DatasourceType.BigQuery, DatasourceType.Databricks,
            DatasourceType.Elasticsearch, DatasourceType.OpenSearch, DatasourceType.MsSql, DatasourceType.AwsS3, DatasourceType.Csv,
            DatasourceType.Firebolt, DatasourceType.Athena, DatasourceType.Trino,
        }.Should().Equal(DatasourceType.WellKnown);
    }

    [Fact]
    public void Serialize_WritesABareString()
    {
        JsonSerializer.Serialize(new DatasourceType("cockroachdb"), DatabrainJsonContext.Default.DatasourceType).Should().Be("\"cockroachdb\"");
    }

    [Fact]
    public void Deserialize_ReadsABareString()
    {
        JsonSerializer.Deserialize("\"trino\"", DatabrainJsonContext.Default.DatasourceType).Should().Be(DatasourceType.Trino);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("{\"value\": \"postgres\"}")]
    public void Deserialize_WhenNotANonEmptyString_Throws(string json)
    {
        var act = () => JsonSerializer.Deserialize(json, DatabrainJsonContext.Default.DatasourceType);

        act.Should().Throw<JsonException>();
    }
}
