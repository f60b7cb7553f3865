namespace Databrain.Cli.Tests.Support;

/// <summary>What the tool's tests need on top of the client tests' <see cref="ApiServer"/>.</summary>
public static class ApiServerExtensions
{
    /// <summary>The server's address and a token, as a user would export them.</summary>
    public static Dictionary<string, string?> Environment(this ApiServer api, string? token = ApiServer.Token) =>
        CliRunner.Environment(api.BaseAddress, token);

    /// <summary>The one request the server received; fails the test when there were more or none.</summary>
    public static ServerExchange SingleRequest(this ApiServer api)
    {
        api.Received.Should().ContainSingle();
        return api.Received[0];
    }
}
