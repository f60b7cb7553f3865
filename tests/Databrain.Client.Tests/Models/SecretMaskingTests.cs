using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Databrain.Client.Models;

namespace Databrain.Client.Tests.Models;

public class SecretMaskingTests
{
    [Fact]
    public void ConcreteTypes_DiscoveredByReflection_IncludeEveryKnownTypeAndCustom()
    {
        var sampleTypes = CredentialSamples.FullKeys.Select(key => CredentialSamples.Create(key).GetType()).Distinct().ToList();

        sampleTypes.Should().HaveCount(17);
        CredentialReflection.ConcreteTypes.Should().Contain(sampleTypes).And.Contain(typeof(CustomCredentials));
    }

    [Theory]
    [MemberData(nameof(CredentialReflection.ConcreteTypeNames), MemberType = typeof(CredentialReflection))]
    public void ToString_OfEveryCredentialType_ShowsEveryNonSecretValueAndNoSecret(string typeName)
    {
        var (credentials, secrets, visible) = FillWithSentinels(CredentialReflection.TypeNamed(typeName));

        var text = credentials.ToString();

        ShouldShowOnly(text, visible, secrets);
        text.Should().StartWith($"{credentials.GetType().Name} {{ datasourceType = {credentials.DatasourceType.Value}, name = ");
    }

    [Theory]
    [MemberData(nameof(CredentialReflection.ConcreteTypeNames), MemberType = typeof(CredentialReflection))]
    public void PrintMembers_OfEveryCredentialType_ShowsEveryNonSecretValueAndNoSecret(string typeName)
    {
        var type = CredentialReflection.TypeNamed(typeName);
        var (credentials, secrets, visible) = FillWithSentinels(type);
        var printMembers = type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance, binder: null, [typeof(StringBuilder)], modifiers: null);
        var builder = new StringBuilder();

        var printed = printMembers!.Invoke(credentials, [builder]);

        printed.Should().Be(true);
        ShouldShowOnly(builder.ToString(), visible, secrets);
    }

    [Theory]
    [MemberData(nameof(CredentialReflection.ConcreteTypeNames), MemberType = typeof(CredentialReflection))]
    public void SecretProperties_OfEveryCredentialType_AreHiddenFromTheDebugger(string typeName)
    {
        var secretProperties = SecretProperties(CredentialReflection.TypeNamed(typeName)).ToList();

        secretProperties.Should().NotBeEmpty();
        foreach (var property in secretProperties)
        {
            var attribute = property.GetCustomAttribute<DebuggerBrowsableAttribute>();
            attribute.Should().NotBeNull($"{property.Name} is secret");
            attribute!.State.Should().Be(DebuggerBrowsableState.Never, $"{property.Name} is secret");
        }
    }

    [Fact]
    public void SecretWireNames_OfTheSpec_AreAllModelled()
    {
        var modelled = CredentialReflection.ConcreteTypes.SelectMany(CredentialReflection.WireProperties)
            .Select(CredentialReflection.WireName)
            .Where(name => CredentialReflection.SecretWireNames.Contains(name!))
            .Distinct();

        modelled.Should().BeEquivalentTo(CredentialReflection.SecretWireNames);
    }

    [Fact]
    public void ToString_OfTheSpecPostgresExample_IsExact()
    {
        var credentials = CredentialSamples.Create("postgres/minimal");

        credentials.ToString().Should().Be(
            "PostgresCredentials { datasourceType = postgres, name = production-postgres, host = db.example.com, port = 5432, " +
            "username = dbuser, password = ***, database = analytics, schema = public }");
    }

    [Fact]
    public void ToString_OfCustomCredentials_MasksEveryFieldButTheName()
    {
        var credentials = new CustomCredentials("cockroachdb")
        {
            Name = "crdb",
            Fields = { ["host"] = Json("\"crdb.example.com\""), ["port"] = Json("26257"), ["tls"] = Json("{\"ca\":\"pem\"}") },
        };

        credentials.ToString().Should().Be("CustomCredentials { datasourceType = cockroachdb, name = crdb, host = ***, port = ***, tls = *** }");
    }

    [Fact]
    public void ToString_WhenCustomFieldsRepeatTheName_MasksTheRepeatedOne()
    {
        var credentials = new CustomCredentials("cockroachdb") { Name = "crdb", Fields = { ["name"] = Json("\"S3CRET-in-name\"") } };

        credentials.ToString().Should().Be("CustomCredentials { datasourceType = cockroachdb, name = crdb, name = *** }");
    }

    [Fact]
    public void ToString_WhenAnEnumValueIsNotDefined_DoesNotThrowAndShowsOnlyTheName()
    {
        var credentials = (PostgresCredentials)CredentialSamples.Create("postgres/full") with { SshTunnel = (SshTunnel)42 };

        credentials.ToString().Should().Be(
            "PostgresCredentials { datasourceType = postgres, name = pg-full, (other fields not shown: one has no wire form) }");
    }

    [Fact]
    public void ToString_WhenACustomFieldIsAnEmptyJsonElement_DoesNotThrow()
    {
        var credentials = new CustomCredentials("cockroachdb") { Name = "crdb", Fields = { ["host"] = default } };

        credentials.ToString().Should().Be(
            "CustomCredentials { datasourceType = cockroachdb, name = crdb, (other fields not shown: one has no wire form) }");
    }

    [Fact]
    public void DebuggerDisplay_OfCredentials_IsTheMaskedToString()
    {
        typeof(DatasourceCredentials).GetCustomAttribute<DebuggerDisplayAttribute>()!.Value.Should().Be("{ToString(),nq}");
    }

    // Both lists must be non-empty, or the test could pass without checking anything.
    private static void ShouldShowOnly(string text, List<string> visible, List<string> secrets)
    {
        secrets.Should().NotBeEmpty();
        visible.Should().NotBeEmpty();
        foreach (var secret in secrets)
        {
            text.Should().NotContain(secret);
        }

        foreach (var value in visible)
        {
            text.Should().Contain(value);
        }
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static IEnumerable<PropertyInfo> SecretProperties(Type type) =>
        type == typeof(CustomCredentials)
            ? [type.GetProperty(nameof(CustomCredentials.Fields))!]
            : CredentialReflection.WireProperties(type).Where(p => CredentialReflection.SecretWireNames.Contains(CredentialReflection.WireName(p)!));

    // Every settable string gets a distinct sentinel; other members get valid values. Returns the
    // sentinels that must stay hidden and those that must show.
    private static (DatasourceCredentials Credentials, List<string> Secrets, List<string> Visible) FillWithSentinels(Type type)
    {
        var credentials = type == typeof(CustomCredentials)
            ? new CustomCredentials("cockroachdb")
            {
                Name = "placeholder",
                Fields =
                {
                    ["password"] = Json("\"<custom-password-sentinel>\""),
                    ["connectionString"] = Json("\"<custom-connection-sentinel>\""),
                    ["port"] = Json("26257"),
                    ["tls"] = Json("{\"ca\": \"<custom-nested-sentinel>\", \"verify\": [true, \"<custom-array-sentinel>\"]}"),
                },
            }
            : (DatasourceCredentials)Activator.CreateInstance(type)!;
        var secrets = new List<string>();
        var visible = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var wireName = CredentialReflection.WireName(property);
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (valueType == typeof(string))
            {
                var sentinel = $"<{wireName}-sentinel>";
                property.SetValue(credentials, sentinel);
                (CredentialReflection.SecretWireNames.Contains(wireName!) ? secrets : visible).Add(sentinel);
            }
            else if (valueType == typeof(int))
            {
                property.SetValue(credentials, 4242);
            }
            else if (valueType == typeof(bool))
            {
                property.SetValue(credentials, true);
            }
            else if (valueType.IsEnum)
            {
                property.SetValue(credentials, Enum.GetValues(valueType).GetValue(0));
            }
        }

        if (credentials is CustomCredentials custom)
        {
            secrets.AddRange(["<custom-password-sentinel>", "<custom-connection-sentinel>", "26257", "<custom-nested-sentinel>", "<custom-array-sentinel>"]);
            visible.Should().Equal("<name-sentinel>");
            custom.Name.Should().Be("<name-sentinel>");
        }

        return (credentials, secrets, visible);
    }
}
