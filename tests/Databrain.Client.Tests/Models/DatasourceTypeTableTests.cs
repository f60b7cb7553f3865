using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using Databrain.Client.Models;
using Databrain.Client.Serialization;

namespace Databrain.Client.Tests.Models;

/// <summary>
/// DatasourceTypeTable is the one list of documented types. The source generators need their own
/// lists in attributes, which cannot be built from the table: these tests hold them to it.
/// </summary>
public sealed class DatasourceTypeTableTests
{
    // The spec's order (section 3).
    private static readonly string[] ExpectedOrder =
    [
        "snowflake", "postgres", "redshift", "mysql", "mongodb", "clickhouse", "singlestore", "bigquery", "databricks",
        "elasticsearch", "opensearch", "mssql", "awss3", "csv", "firebolt", "athena", "trino",
    ];

    private static readonly Type[] TableRecords = [.. DatasourceTypeTable.Rows.Select(row => row.CredentialsType)];

    public static TheoryData<string> RowTypes => [.. DatasourceTypeTable.Rows.Select(row => row.Type.Value)];

    [Fact]
    public void JsonDerivedTypes_OfDatasourceCredentials_AreExactlyTheTablesRecordsAndCustomCredentials()
    {
        var derived = typeof(DatasourceCredentials).GetCustomAttributes<JsonDerivedTypeAttribute>(inherit: false)
            .Select(attribute => attribute.DerivedType)
            .ToList();

        derived.Should().OnlyHaveUniqueItems();
        derived.Should().BeEquivalentTo([.. TableRecords, typeof(CustomCredentials)]);
    }

    [Fact]
    public void JsonSerializableCredentialTypes_OfTheContext_AreExactlyTheTablesRecords()
    {
        // JsonSerializableAttribute keeps its type only as a constructor argument.
        var serializable = typeof(DatabrainJsonContext).GetCustomAttributesData()
            .Where(attribute => attribute.AttributeType == typeof(JsonSerializableAttribute))
            .Select(attribute => (Type)attribute.ConstructorArguments[0].Value!)
            .ToList();
        var records = serializable.Where(type => type.IsSubclassOf(typeof(DatasourceCredentials))).ToList();

        serializable.Should().Contain(typeof(DatasourceCredentials));
        records.Should().OnlyHaveUniqueItems();
        records.Should().BeEquivalentTo(TableRecords);
    }

    [Fact]
    public void EverySealedCredentialRecordOfTheSdk_ButCustomCredentials_HasExactlyOneRow()
    {
        var sealedRecords = typeof(DatasourceCredentials).Assembly.GetTypes()
            .Where(type => type.IsSealed && type.IsSubclassOf(typeof(DatasourceCredentials)) && type != typeof(CustomCredentials))
            .ToList();

        sealedRecords.Should().HaveCount(17);
        TableRecords.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(sealedRecords);
    }

    [Theory]
    [MemberData(nameof(RowTypes))]
    public void Row_PairsItsTypeWithTheRecordThatReportsThatType(string type)
    {
        DatasourceTypeTable.TryGet(type, out var row).Should().BeTrue();
        var credentials = CredentialSamples.Create($"{type}/minimal");

        credentials.GetType().Should().Be(row!.CredentialsType);
        credentials.DatasourceType.Value.Should().Be(type);
        row.Type.Value.Should().Be(type);
        DatasourceTypeTable.TryGetByRecord(row.CredentialsType, out var byRecord).Should().BeTrue();
        byRecord.Should().BeSameAs(row);
    }

    [Fact]
    public void WellKnown_IsTheTablesTypesInTheTablesOrder_AndReadOnly()
    {
        DatasourceType.WellKnown.Should().Equal(DatasourceTypeTable.Rows.Select(row => row.Type));
        DatasourceType.WellKnown.Should().BeSameAs(DatasourceTypeTable.Types);
        ((ICollection<DatasourceType>)DatasourceType.WellKnown).IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void TryGet_IgnoresCase_AsDatasourceTypeEqualityDoes()
    {
        DatasourceTypeTable.TryGet("MsSql", out var row).Should().BeTrue();

        row!.CredentialsType.Should().Be(typeof(MsSqlCredentials));
    }

    [Fact]
    public void TryGet_OfAnUndocumentedType_FindsNoRow()
    {
        DatasourceTypeTable.TryGet("cockroachdb", out var row).Should().BeFalse();
        row.Should().BeNull();
        DatasourceTypeTable.TryGetByRecord(typeof(CustomCredentials), out row).Should().BeFalse();
        DatasourceTypeTable.TryGetByRecord(typeof(PostgresFamilyCredentials), out row).Should().BeFalse();
    }

    [Fact]
    public void Validate_OfCustomCredentialsNamingADocumentedType_ChecksOnlyTheName()
    {
        // Rules are found by record, not by wire value: a custom record is never cast to a typed one.
        var credentials = new CustomCredentials(DatasourceType.Postgres) { Name = "pg" };

        DatasourceValidator.Validate(credentials).Should().BeEmpty();
    }

    [Fact]
    public void Validate_OfARedshiftRecord_RunsThePostgresFamilyRulesOfItsRow()
    {
        var blank = new[] { "host", "port", "username", "password", "database", "schema" };
        var redshift = new RedshiftCredentials { Name = "rs", Host = "", Port = 0, Username = "", Password = "", Database = "", Schema = "" };

        DatasourceValidator.Validate(redshift).Select(problem => problem.Field)
            .Should().Equal(blank.Select(field => $"credentials.{field}"));
    }

    // Static initialization runs once, so each order is tried on a fresh copy of the assembly
    // (FreshAssemblyCopy); the first member touched decides which class initializes first.
    [Fact]
    public void StaticInitialization_WhenTheTableIsTouchedFirst_LeavesBothComplete()
    {
        var (table, wellKnown) = FreshAssemblyCopy.Read(assembly =>
        {
            var rows = (IEnumerable)StaticProperty(assembly, "Databrain.Client.Models.DatasourceTypeTable", "Rows");
            var rowTypes = rows.Cast<object>().Select(row => row.GetType().GetProperty("Type")!.GetValue(row)!.ToString()!).ToList();
            return (rowTypes, WellKnownValues(assembly));
        });

        table.Should().Equal(ExpectedOrder);
        wellKnown.Should().Equal(ExpectedOrder);
    }

    [Fact]
    public void StaticInitialization_WhenWellKnownIsTouchedFirst_LeavesBothComplete()
    {
        var (wellKnown, postgres) = FreshAssemblyCopy.Read(assembly =>
            (WellKnownValues(assembly), StaticProperty(assembly, "Databrain.Client.Models.DatasourceType", "Postgres").ToString()!));

        wellKnown.Should().Equal(ExpectedOrder);
        postgres.Should().Be("postgres");
    }

    private static List<string> WellKnownValues(Assembly assembly) =>
        [.. ((IEnumerable)StaticProperty(assembly, "Databrain.Client.Models.DatasourceType", "WellKnown")).Cast<object>().Select(t => t.ToString()!)];

    private static object StaticProperty(Assembly assembly, string typeName, string property) =>
        assembly.GetType(typeName, throwOnError: true)!
            .GetProperty(property, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)!;
}
