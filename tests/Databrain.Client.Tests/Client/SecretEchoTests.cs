using System.Text.Json;
using Databrain.Client.Models;

namespace Databrain.Client.Tests.Client;

/// <summary>
/// A server that echoes a secret from deep inside the credentials (an escape-hatch field's object or array, a
/// number, the private key inside BigQuery's key file): the exception shows <c>***</c> in its place, never the value.
/// </summary>
public sealed class SecretEchoTests : IDisposable
{
    private static readonly ServiceAccountKey Key = ServiceAccountKey.Create(new Random(2026));

    private readonly ApiServer _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Create_WhenTheServerEchoesAValueNestedInACustomFieldObject_MasksIt()
    {
        var credentials = Custom(("tls", """{"mode": "verify-full", "client": {"key": "nested-tls-key-5e1f"}}"""));

        var exception = await CreateEchoingAsync(credentials, "tls handshake failed with key nested-tls-key-5e1f");

        ShouldBeMasked(exception, "tls handshake failed with key ***", "nested-tls-key-5e1f");
    }

    [Fact]
    public async Task Create_WhenTheServerEchoesAValueInsideAnArrayOfACustomField_MasksIt()
    {
        var credentials = Custom(("replicas", """[{"host": "replica-1.internal"}, "replica-token-9c2d"]"""));

        var exception = await CreateEchoingAsync(credentials, "replica replica-token-9c2d unreachable via replica-1.internal");

        ShouldBeMasked(exception, "replica *** unreachable via ***", "replica-token-9c2d", "replica-1.internal");
    }

    [Fact]
    public async Task Create_WhenTheServerEchoesANumberNestedInACustomField_MasksIt()
    {
        var credentials = Custom(("pool", """{"size": 8, "pin": 739142}"""));

        var exception = await CreateEchoingAsync(credentials, "pin 739142 rejected for pool of 8");

        ShouldBeMasked(exception, "pin *** rejected for pool of 8", "739142");
    }

    [Fact]
    public async Task Create_WhenTheServerEchoesBigQuerysPrivateKeyAlone_MasksIt()
    {
        var exception = await CreateEchoingAsync(BigQuery(), "could not parse private key " + Key.PrivateKey);

        ShouldBeMasked(exception, "could not parse private key ***", Key.PrivateKeyLines.ToArray());
    }

    [Fact]
    public async Task Create_WhenTheServerEchoesBigQuerysPrivateKeyJsonEscaped_MasksIt()
    {
        var exception = await CreateEchoingAsync(BigQuery(), "bad field {\"private_key\": " + JsonSerializer.Serialize(Key.PrivateKey) + "}");

        ShouldBeMasked(exception, "bad field {\"private_key\": \"***\"}", Key.PrivateKeyLines.ToArray());
    }

    [Fact]
    public async Task Update_WhenTheServerEchoesOneLineOfBigQuerysPrivateKeyAndTheClientEmail_MasksBoth()
    {
        _api.Given("PUT", ApiServer.DatasourcePath, 400, ErrorBody($"line {Key.PrivateKeyLines[1]} of the key of {Key.ClientEmail} is invalid"));

        var exception = await Record.ExceptionAsync(() => _api.CreateClient().UpdateDatasourceAsync(BigQuery()));

        ShouldBeMasked(exception, "line *** of the key of *** is invalid", Key.PrivateKeyLines[1], Key.ClientEmail);
    }

    // Issue 14: short secrets are masked where they stand as a whole token, not inside every word.
    [Fact]
    public async Task Create_WhenTheServerEchoesAThreeLetterPasswordAndAOneLetterToken_MasksThemAndLeavesTheRestReadable()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 400, ErrorBody("password \"abc\" rejected for token t; the abcdef setting stays"));

        var exception = await Record.ExceptionAsync(
            () => _api.CreateClient(o => o.ServiceToken = "t").CreateDatasourceAsync(ApiServer.Postgres() with { Password = "abc" }));

        ShouldBeMasked(exception, "password \"***\" rejected for token ***; the abcdef setting stays");
        exception!.Message.Replace("password \"***\"", string.Empty)
            .Replace("token ***", string.Empty).Should().NotContain("***");
    }

    private static CustomCredentials Custom(params (string Name, string Json)[] fields)
    {
        var credentials = new CustomCredentials("cockroachdb") { Name = "crdb" };
        foreach (var (name, json) in fields)
        {
            credentials.Fields[name] = JsonDocument.Parse(json).RootElement.Clone();
        }

        return credentials;
    }

    private static BigQueryCredentials BigQuery() =>
        new() { Name = "bq-prod", CredentialsJson = Key.ToJson(), ProjectId = Key.ProjectId, DatasetLocation = "EU" };

    private static string ErrorBody(string message) =>
        JsonSerializer.Serialize(new { error = new { code = "CREDENTIAL_TEST_FAILED", message } });

    private static void ShouldBeMasked(Exception? exception, string serverMessage, params string[] secrets)
    {
        var failed = exception.Should().BeOfType<CredentialTestFailedException>().Subject;
        failed.ServerMessage.Should().Be(serverMessage);
        failed.Message.Should().Contain(serverMessage);
        foreach (var secret in secrets)
        {
            failed.ToString().Should().NotContain(secret);
        }
    }

    private async Task<Exception?> CreateEchoingAsync(DatasourceCredentials credentials, string message)
    {
        _api.Given("POST", ApiServer.DatasourcePath, 400, ErrorBody(message));
        return await Record.ExceptionAsync(() => _api.CreateClient().CreateDatasourceAsync(credentials));
    }
}
