using Databrain.Client.Models;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Databrain.Client.Tests.Client;

/// <summary>A WireMock server on loopback plus a client pointed at it.</summary>
public sealed class ApiServer : IDisposable
{
    public const string Token = "test-service-token-7f3a";
    public const string DatasourcePath = "/api/v2/datasource";
    public const string SyncPath = "/api/v2/datasource/sync";

    public WireMockServer Server { get; } = WireMockServer.Start();

    public Uri BaseAddress => new(Server.Url!);

    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.ToList();

    public DatabrainClientOptions Options(Action<DatabrainClientOptions>? configure = null)
    {
        var options = new DatabrainClientOptions { BaseAddress = BaseAddress, ServiceToken = Token };
        configure?.Invoke(options);
        return options;
    }

    public DatabrainClient CreateClient(Action<DatabrainClientOptions>? configure = null) => new(Options(configure));

    public void Given(string method, string path, int status, string? body, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithBody(body).WithHeader("Content-Type", "application/json");
        }

        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    public static PostgresCredentials Postgres(string name = "production-postgres") => new()
    {
        Name = name,
        Host = "db.example.com",
        Port = 5432,
        Username = "dbuser",
        Password = "securepassword",
        Database = "analytics",
        Schema = "public",
    };

    public void Dispose() => Server.Stop();
}
