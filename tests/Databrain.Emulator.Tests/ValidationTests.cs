using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Databrain.Emulator.Tests.Infrastructure;

namespace Databrain.Emulator.Tests;

/// <summary>The request-validation table, type by type, against the raw JSON the emulator receives.</summary>
public sealed class ValidationTests(AcceptAllEmulatorFixture fixture) : IClassFixture<AcceptAllEmulatorFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public void EverySpecTypeHasASample()
    {
        DatabrainEmulator.SupportedDatasourceTypes.Should().BeEquivalentTo(
            "snowflake", "postgres", "redshift", "mysql", "mongodb", "clickhouse", "singlestore", "bigquery", "databricks",
            "elasticsearch", "opensearch", "mssql", "awss3", "csv", "firebolt", "athena", "trino");
        DatasourceSamples.All.Select(sample => sample.Type).Should().BeEquivalentTo(DatabrainEmulator.SupportedDatasourceTypes);
    }

    [Theory]
    [MemberData(nameof(DatasourceSamples.Types), MemberType = typeof(DatasourceSamples))]
    public async Task ValidSampleIsAccepted(string type)
    {
        var name = Names.Unique(type);
        var body = await (await Client.CreateAsync(DatasourceSamples.Get(type).Body(name))).ShouldSucceedAsync();
        body["name"]!.GetValue<string>().Should().Be(name);
        fixture.Emulator.FindDatasource(name)!.DatasourceType.Should().Be(type);
    }

    [Theory]
    [MemberData(nameof(DatasourceSamples.RequiredFields), MemberType = typeof(DatasourceSamples))]
    public async Task MissingRequiredFieldIsNamed(string type, string field)
    {
        var name = Names.Unique(type);
        var response = await Client.CreateAsync(DatasourceSamples.Get(type).Body(name, credentials => credentials.Remove(field)));
        var error = await response.ShouldBeInvalidAsync();
        error.Message.Should().Contain("credentials." + field + " is required");
    }

    [Theory]
    [MemberData(nameof(DatasourceSamples.RequiredFields), MemberType = typeof(DatasourceSamples))]
    public async Task NullRequiredFieldCountsAsMissing(string type, string field)
    {
        var response = await Client.CreateAsync(DatasourceSamples.Get(type).Body(Names.Unique(type), credentials => credentials[field] = null));
        (await response.ShouldBeInvalidAsync()).Message.Should().Contain("credentials." + field + " is required");
    }

    [Theory]
    [MemberData(nameof(DatasourceSamples.RequiredStringFields), MemberType = typeof(DatasourceSamples))]
    public async Task BlankRequiredStringIsNamed(string type, string field)
    {
        var response = await Client.CreateAsync(DatasourceSamples.Get(type).Body(Names.Unique(type), credentials => credentials[field] = "   "));
        (await response.ShouldBeInvalidAsync()).Message.Should().Contain("credentials." + field + " ");
    }

    [Theory]
    [MemberData(nameof(DatasourceSamples.AllFields), MemberType = typeof(DatasourceSamples))]
    public async Task WrongJsonTypeIsNamed(string type, string field)
    {
        var response = await Client.CreateAsync(DatasourceSamples.Get(type).Body(Names.Unique(type), credentials =>
            credentials[field] = credentials[field]!.GetValueKind() switch
            {
                System.Text.Json.JsonValueKind.String => JsonValue.Create(12345),
                System.Text.Json.JsonValueKind.Number => JsonValue.Create("5432"),
                _ => JsonValue.Create("true"),
            }));
        var error = await response.ShouldBeInvalidAsync();
        error.Message.Should().MatchRegex($@"credentials\.{field} must be (a string|a number|a boolean)");
    }

    [Theory]
    [MemberData(nameof(DatasourceSamples.AllFields), MemberType = typeof(DatasourceSamples))]
    public async Task ObjectOrArrayWhereScalarExpectedIsNamed(string type, string field)
    {
        var response = await Client.CreateAsync(DatasourceSamples.Get(type).Body(Names.Unique(type), credentials =>
            credentials[field] = new JsonArray(1, 2)));
        (await response.ShouldBeInvalidAsync()).Message.Should().Contain("credentials." + field + " must be");
    }

    public static TheoryData<string, string> PortCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in DatasourceSamples.All.Where(sample => sample.Credentials("x").ContainsKey("port")))
        {
            foreach (var value in new[] { "0", "65536", "-1", "5432.5", "99999999999" })
            {
                data.Add(sample.Type, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PortCases))]
    public async Task PortOutsideRangeIsNamed(string type, string port)
    {
        var response = await Client.CreateAsync(DatasourceSamples.Get(type).Body(Names.Unique(type), credentials =>
            credentials["port"] = JsonNode.Parse(port)));
        (await response.ShouldBeInvalidAsync()).Message.Should().Contain("credentials.port must be an integer from 1 to 65535");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65535)]
    public async Task PortBoundsAreAccepted(int port)
    {
        await (await Client.CreateAsync(DatasourceSamples.Get("mysql").Body(Names.Unique("port"), credentials => credentials["port"] = port)))
            .ShouldSucceedAsync();
    }

    [Fact]
    public async Task SpecPostgresExampleIsAcceptedByteForByte()
    {
        // Its own emulator: the example's name is fixed, and postgres is explicitly in Accept mode (no server here).
        await using var emulator = await DatabrainEmulator.StartAsync(
            new DatabrainEmulatorOptions().UseConnectionProbe("postgres", ConnectionProbeMode.Accept));
        using var client = emulator.CreateClient();
        const string Example = """
            {
              "datasourceType": "postgres",
              "credentials": {
                "name": "production-postgres",
                "host": "db.example.com",
                "port": 5432,
                "username": "dbuser",
                "password": "securepassword",
                "database": "analytics",
                "schema": "public"
              }
            }
            """;
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Example));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var body = await (await client.PostAsync(Api.DatasourcePath, content)).ShouldSucceedAsync();

        body.ToJsonString().Should().Be("""{"name":"production-postgres"}""");
        var stored = emulator.FindDatasource("production-postgres")!;
        stored.DatasourceType.Should().Be("postgres");
        stored.Credentials.GetProperty("port").GetInt32().Should().Be(5432);
        stored.TenancySettings.Should().BeNull();
    }

    [Theory]
    [InlineData("username/password", "password")]
    [InlineData("Key-pair authentication", "privateKey")]
    public async Task SnowflakeAuthMethodDecidesTheSecret(string method, string needed)
    {
        var sample = DatasourceSamples.Get("snowflake");
        var missing = await Client.CreateAsync(sample.Body(Names.Unique("sf"), credentials =>
        {
            credentials["credentials"] = method;
            credentials.Remove("password");
            credentials.Remove("privateKey");
        }));
        (await missing.ShouldBeInvalidAsync()).Message.Should()
            .Contain($"credentials.{needed} is required when credentials.credentials is \"{method}\"")
            .And.NotContain(needed == "password" ? "credentials.privateKey" : "credentials.password");

        var other = needed == "password" ? "privateKey" : "password";
        var onlyOther = await Client.CreateAsync(sample.Body(Names.Unique("sf"), credentials =>
        {
            credentials["credentials"] = method;
            credentials.Remove("password");
            credentials[other] = "present";
        }));
        (await onlyOther.ShouldBeInvalidAsync()).Message.Should().Contain($"credentials.{needed} is required");

        await (await Client.CreateAsync(sample.Body(Names.Unique("sf"), credentials =>
        {
            credentials["credentials"] = method;
            credentials.Remove("password");
            credentials[needed] = "the-secret";
        }))).ShouldSucceedAsync();
    }

    [Theory]
    [InlineData("oauth")]
    [InlineData("USERNAME/PASSWORD")]
    [InlineData("")]
    public async Task SnowflakeUnknownAuthMethodIsNamed(string method)
    {
        var response = await Client.CreateAsync(DatasourceSamples.Get("snowflake").Body(Names.Unique("sf"), credentials => credentials["credentials"] = method));
        (await response.ShouldBeInvalidAsync()).Message.Should()
            .Contain("credentials.credentials must be one of \"username/password\", \"Key-pair authentication\"");
    }

    [Theory]
    [InlineData("elasticsearch", "elastic-cloud")]
    [InlineData("elasticsearch", "open-cloud")]
    [InlineData("opensearch", "elastic-cloud")]
    [InlineData("opensearch", "open-cloud")]
    public async Task CloudServerTypesNeedCloudId(string type, string serverType)
    {
        var sample = DatasourceSamples.Get(type);
        var missing = await Client.CreateAsync(sample.Body(Names.Unique(type), credentials =>
        {
            credentials["server_type"] = serverType;
            credentials.Remove("server_url");
        }));
        (await missing.ShouldBeInvalidAsync()).Message.Should()
            .Contain($"credentials.cloud_id is required when credentials.server_type is \"{serverType}\"")
            .And.NotContain("server_url");

        await (await Client.CreateAsync(sample.Body(Names.Unique(type), credentials =>
        {
            credentials["server_type"] = serverType;
            credentials.Remove("server_url");
            credentials["cloud_id"] = "deployment:abc";
        }))).ShouldSucceedAsync();
    }

    [Theory]
    [InlineData("elasticsearch")]
    [InlineData("opensearch")]
    public async Task SelfManagedNeedsServerUrl(string type)
    {
        var sample = DatasourceSamples.Get(type);
        var missing = await Client.CreateAsync(sample.Body(Names.Unique(type), credentials =>
        {
            credentials.Remove("server_url");
            credentials["cloud_id"] = "deployment:abc";
        }));
        (await missing.ShouldBeInvalidAsync()).Message.Should()
            .Contain("credentials.server_url is required when credentials.server_type is \"self-managed\"");
    }

    [Theory]
    [InlineData("elasticsearch", "cloud")]
    [InlineData("opensearch", "Self-Managed")]
    public async Task UnknownServerTypeIsNamed(string type, string serverType)
    {
        var response = await Client.CreateAsync(DatasourceSamples.Get(type).Body(Names.Unique(type), credentials => credentials["server_type"] = serverType));
        (await response.ShouldBeInvalidAsync()).Message.Should()
            .Contain("credentials.server_type must be one of \"elastic-cloud\", \"open-cloud\", \"self-managed\"");
    }

    [Fact]
    public async Task TrinoWithoutTunnelNeedsNoSshFields()
    {
        foreach (var tunnel in new[] { "disable", null })
        {
            await (await Client.CreateAsync(DatasourceSamples.Get("trino").Body(Names.Unique("trino"), credentials =>
            {
                foreach (var field in new[] { "sshHost", "sshPort", "sshUsername", "sshPrivateKey" })
                {
                    credentials.Remove(field);
                }

                credentials.Remove("sshTunnel");
                if (tunnel is not null)
                {
                    credentials["sshTunnel"] = tunnel;
                }
            }))).ShouldSucceedAsync();
        }
    }

    [Fact]
    public async Task TrinoTunnelNamesEveryMissingSshFieldAtOnce()
    {
        var response = await Client.CreateAsync(DatasourceSamples.Get("trino").Body(Names.Unique("trino"), credentials =>
        {
            foreach (var field in new[] { "sshHost", "sshPort", "sshUsername", "sshPrivateKey" })
            {
                credentials.Remove(field);
            }
        }));
        var message = (await response.ShouldBeInvalidAsync()).Message;
        foreach (var field in new[] { "sshHost", "sshPort", "sshUsername", "sshPrivateKey" })
        {
            message.Should().Contain($"credentials.{field} is required when credentials.sshTunnel is \"enable\"");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public async Task TrinoSshPortOutsideRangeIsNamed(int port)
    {
        var response = await Client.CreateAsync(DatasourceSamples.Get("trino").Body(Names.Unique("trino"), credentials => credentials["sshPort"] = port));
        (await response.ShouldBeInvalidAsync()).Message.Should().Contain("credentials.sshPort must be an integer from 1 to 65535");
    }

    [Theory]
    [InlineData("postgres", "sshTunnel", "on", "\"enable\", \"disable\"")]
    [InlineData("redshift", "sshTunnel", "Enable", "\"enable\", \"disable\"")]
    [InlineData("trino", "sshTunnel", "yes", "\"enable\", \"disable\"")]
    [InlineData("csv", "tableLevel", "file", "\"File\", \"Folder\"")]
    [InlineData("awss3", "tableLevel", "Table", "\"File\", \"Folder\"")]
    public async Task EnumFieldsTakeOnlyTheirExactValues(string type, string field, string value, string allowed)
    {
        var response = await Client.CreateAsync(DatasourceSamples.Get(type).Body(Names.Unique(type), credentials => credentials[field] = value));
        var message = (await response.ShouldBeInvalidAsync()).Message;
        message.Should().Contain($"credentials.{field} must be one of {allowed}");
        message.Should().NotContain("\"" + value + "\"");
    }

    [Theory]
    [InlineData("csv", "Folder")]
    [InlineData("awss3", "File")]
    public async Task S3BucketAcceptsEmptyDatasetPathAndBothTableLevels(string type, string tableLevel)
    {
        await (await Client.CreateAsync(DatasourceSamples.Get(type).Body(Names.Unique(type), credentials =>
        {
            credentials["datasetPath"] = string.Empty;
            credentials["tableLevel"] = tableLevel;
        }))).ShouldSucceedAsync();
    }

    [Fact]
    public async Task OptionalFieldsMayBeOmittedOrNull()
    {
        await (await Client.CreateAsync(DatasourceSamples.Get("postgres").Body(Names.Unique("pg"), credentials =>
        {
            credentials.Remove("sslMode");
            credentials["sshTunnel"] = null;
        }))).ShouldSucceedAsync();
        await (await Client.CreateAsync(DatasourceSamples.Get("mssql").Body(Names.Unique("mssql"), credentials =>
        {
            credentials.Remove("database");
            credentials.Remove("isDisableDatabase");
        }))).ShouldSucceedAsync();
    }

    [Fact]
    public async Task UnknownExtraFieldsAreTolerated()
    {
        var body = DatasourceSamples.Get("mysql").Body(Names.Unique("extra"), credentials =>
        {
            credentials["ssl"] = new JsonObject { ["ca"] = "pem" };
            credentials["futureFlag"] = true;
        });
        body["somethingNew"] = 42;
        await (await Client.CreateAsync(body)).ShouldSucceedAsync();
    }

    [Fact]
    public async Task EveryProblemIsNamedAtOnce()
    {
        var response = await Client.CreateAsync(DatasourceSamples.Get("postgres").Body(Names.Unique("pg"), credentials =>
        {
            credentials.Remove("host");
            credentials["port"] = 0;
            credentials["sslMode"] = "yes";
            credentials["password"] = "  ";
        }));
        var message = (await response.ShouldBeInvalidAsync()).Message;
        message.Should().Contain("credentials.host is required")
            .And.Contain("credentials.port must be an integer from 1 to 65535")
            .And.Contain("credentials.sslMode must be a boolean")
            .And.Contain("credentials.password must not be blank");
    }

    public static TheoryData<string, string> TopLevelCases() => new()
    {
        { """{"credentials":{"name":"n"}}""", "datasourceType is required" },
        { """{"datasourceType":"cockroachdb","credentials":{"name":"n"}}""", "datasourceType is not a supported datasource type" },
        { """{"datasourceType":"Postgres","credentials":{"name":"n"}}""", "datasourceType is not a supported datasource type" },
        { """{"datasourceType":5,"credentials":{"name":"n"}}""", "datasourceType must be a string" },
        { """{"datasourceType":"mysql"}""", "credentials is required" },
        { """{"datasourceType":"mysql","credentials":"host=x"}""", "credentials must be a JSON object" },
        { """{"datasourceType":"cockroachdb","credentials":{}}""", "credentials.name is required" },
        { "[1,2]", "body must be a JSON object" },
        { "\"text\"", "body must be a JSON object" },
        { """{"datasourceType":"mysql","credentials":{"name":"n",""", "body is not valid JSON" },
        { "", "body is not valid JSON" },
        { "{'datasourceType':'mysql'}", "body is not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(TopLevelCases))]
    public async Task TopLevelProblemsAreNamed(string json, string expected)
    {
        (await (await Client.CreateAsync(json)).ShouldBeInvalidAsync()).Message.Should().Contain(expected);
    }

    [Fact]
    public async Task NonJsonContentTypeIsRejected()
    {
        var json = DatasourceSamples.Get("mysql").Body(Names.Unique("ct")).ToJsonString();
        var response = await Client.PostAsync(Api.DatasourcePath, new StringContent(json, Encoding.UTF8, "text/plain"));
        (await response.ShouldBeInvalidAsync()).Message.Should().Contain("Content-Type must be application/json");
    }

    public static TheoryData<string, string> BadTenancyCases() => new()
    {
        { """{}""", "tenancySettings.tenancyLevel is required" },
        { """{"tenancyLevel":"table","clientColumnType":"NUMBER"}""", "tenancySettings.tenancyLevel must be one of \"TABLE\", \"DATABASE\"" },
        { """{"tenancyLevel":1}""", "tenancySettings.tenancyLevel must be one of" },
        { """{"tenancyLevel":"TABLE"}""", "tenancySettings.clientColumnType is required when tenancySettings.tenancyLevel is \"TABLE\"" },
        { """{"tenancyLevel":"TABLE","clientColumnType":"INTEGER"}""", "tenancySettings.clientColumnType must be one of \"NUMBER\", \"STRING\"" },
        { """{"tenancyLevel":"DATABASE","clientColumnType":"number"}""", "tenancySettings.clientColumnType must be one of" },
        { """{"tenancyLevel":"TABLE","clientColumnType":"STRING","tableName":7}""", "tenancySettings.tableName must be a string" },
        { "\"TABLE\"", "tenancySettings must be a JSON object" },
        { "[]", "tenancySettings must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(BadTenancyCases))]
    public async Task BadTenancySettingsAreNamed(string tenancy, string expected)
    {
        var body = DatasourceSamples.Get("postgres").Body(Names.Unique("tenancy"));
        body["tenancySettings"] = JsonNode.Parse(tenancy);
        (await (await Client.CreateAsync(body)).ShouldBeInvalidAsync()).Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("""{"tenancyLevel":"DATABASE"}""")]
    [InlineData("""{"tenancyLevel":"TABLE","clientColumnType":"NUMBER"}""")]
    [InlineData("""{"tenancyLevel":"TABLE","clientColumnType":"STRING","schemaName":"s","tableName":"clients","tableClientNameColumn":"name","tablePrimaryKeyColumn":"id"}""")]
    public async Task ValidTenancySettingsAreAccepted(string tenancy)
    {
        var name = Names.Unique("tenancy");
        var body = DatasourceSamples.Get("postgres").Body(name);
        body["tenancySettings"] = JsonNode.Parse(tenancy);
        await (await Client.CreateAsync(body)).ShouldSucceedAsync();
        fixture.Emulator.FindDatasource(name)!.TenancySettings!.Value.GetProperty("tenancyLevel").GetString()
            .Should().Be(JsonNode.Parse(tenancy)!["tenancyLevel"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(DatasourceSamples.Types), MemberType = typeof(DatasourceSamples))]
    public async Task MessagesNeverRepeatSecretValues(string type)
    {
        var sample = DatasourceSamples.Get(type);

        // Secrets fine, something else broken: the message must name the problem, not the secrets.
        var otherProblem = await Client.CreateAsync(sample.Body(Names.Unique(type), credentials => credentials["name"] = 7));
        AssertNoSecret((await otherProblem.ShouldBeInvalidAsync()).Message);

        // Secrets of the wrong type or in an enum field: named, never repeated.
        var secretsBroken = await Client.CreateAsync(sample.Body(Names.Unique(type), credentials =>
        {
            foreach (var field in credentials.Select(pair => pair.Key).ToList())
            {
                var value = credentials[field];
                if (value?.GetValueKind() == System.Text.Json.JsonValueKind.String && DatasourceSamples.SecretValues.Contains(value.GetValue<string>()))
                {
                    credentials[field] = new JsonArray(value.GetValue<string>());
                }
                else if (field is "sshTunnel" or "tableLevel" or "server_type" or "credentials")
                {
                    credentials[field] = DatasourceSamples.Password;
                }
            }
        }));
        AssertNoSecret((await secretsBroken.ShouldBeInvalidAsync()).Message);

        // Malformed JSON that contains a secret.
        var truncated = sample.Body(Names.Unique(type)).ToJsonString();
        var malformed = await Client.CreateAsync(truncated[..^3] + "\u0001");
        AssertNoSecret((await malformed.ShouldBeInvalidAsync()).Message);
    }

    private static void AssertNoSecret(string message)
    {
        foreach (var secret in DatasourceSamples.SecretValues)
        {
            message.Should().NotContain(secret);
        }
    }
}
