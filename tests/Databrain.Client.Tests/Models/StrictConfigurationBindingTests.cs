using System.Text.Json;
using Databrain.Client.Models;
using Microsoft.Extensions.Configuration;

namespace Databrain.Client.Tests.Models;

/// <summary>
/// samples/Databrain.Samples.CredentialsFromConfiguration binds credential records with
/// <c>ErrorOnUnknownConfiguration</c>: its datasources.json binds every type that way, and a misspelt key fails the
/// bind, named, instead of being dropped.
/// </summary>
public sealed class StrictConfigurationBindingTests
{
    public static TheoryData<string> DocumentedTypes => [.. DatasourceType.WellKnown.Select(t => t.Value)];

    [Theory]
    [MemberData(nameof(DocumentedTypes))]
    public void TheSamplesConfiguration_BindsEveryTypeStrictly(string type)
    {
        DatasourceTypeTable.TryGet(type, out var row).Should().BeTrue();
        var section = SampleConfiguration().GetSection($"Datasources:{type}");

        var credentials = section.Get(row!.CredentialsType, Strict);

        credentials.Should().BeOfType(row.CredentialsType);
        ((DatasourceCredentials)credentials!).Name.Should().Be(section["Name"]);
    }

    [Fact]
    public void AMisspeltKey_FailsTheBindNamingItButNotItsValue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Name"] = "orders", ["Host"] = "db", ["Port"] = "5432", ["Usernme"] = "S3CRET-VALUE", ["sslmode"] = "true",
        }).Build();

        var act = () => configuration.Get<PostgresCredentials>(Strict);

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("*not found on the instance of Databrain.Client.Models.PostgresCredentials: 'Usernme'")
            .Which.Message.Should().NotContain("S3CRET-VALUE");
    }

    private static void Strict(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;

    // datasources.json flattened the way the JSON configuration provider does it.
    private static IConfiguration SampleConfiguration()
    {
        using var document = JsonDocument.Parse(RepositoryFiles.Read("samples", "Databrain.Samples.CredentialsFromConfiguration", "datasources.json"));
        var values = new Dictionary<string, string?>();
        foreach (var type in document.RootElement.GetProperty("Datasources").EnumerateObject())
        {
            foreach (var field in type.Value.EnumerateObject())
            {
                values[$"Datasources:{type.Name}:{field.Name}"] =
                    field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString() : field.Value.GetRawText();
            }
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
