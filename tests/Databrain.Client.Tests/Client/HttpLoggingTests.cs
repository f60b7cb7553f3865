using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Databrain.Client.Tests.Client;

/// <summary>
/// The SDK's HttpClient leaves out IHttpClientFactory's per-request log handlers (they cost on every call);
/// a caller can bring them back, and then every header value is still redacted.
/// </summary>
public sealed class HttpLoggingTests : IDisposable
{
    private const string FactoryCategory = "System.Net.Http.HttpClient.Databrain.Client";
    private readonly ApiServer _api = new();
    private readonly FakeLogCollector _logs = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task ByDefault_TheFactoryWritesNoRequestLogLines()
    {
        await CallAsync(builder => { });

        _logs.GetSnapshot().Should().NotContain(record => record.Category!.StartsWith(FactoryCategory, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddDefaultLogger_BringsTheRequestLinesBack_WithEveryHeaderValueRedacted()
    {
        await CallAsync(builder => builder.AddDefaultLogger());

        var records = _logs.GetSnapshot().Where(record => record.Category!.StartsWith(FactoryCategory, StringComparison.Ordinal)).ToList();
        records.Should().Contain(record => record.Message.Contains("Authorization: *", StringComparison.Ordinal));
        records.Should().NotContain(record => record.Message.Contains(ApiServer.Token, StringComparison.Ordinal)
            || record.Message.Contains("Bearer", StringComparison.Ordinal));
    }

    private async Task CallAsync(Action<IHttpClientBuilder> configure)
    {
        _api.Given("GET", ApiServer.DatasourcePath, 200, """{"data":[]}""");
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Trace));
        configure(services.AddDatabrainClient(o =>
        {
            o.BaseAddress = _api.BaseAddress;
            o.ServiceToken = ApiServer.Token;
        }));
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<DatabrainClient>().GetDatasourcePageAsync(1);
    }
}
