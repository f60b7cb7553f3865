using Databrain.Emulator;

namespace Databrain.Client.Tests.Contract;

/// <summary>The client-side rate limit against the emulator's own limit of the same N, in real time.</summary>
public sealed class RateLimitEmulatorTests
{
    [Fact]
    public async Task AgainstTheEmulatorLimitedToTheSameN_NoRequestIsRefused()
    {
        // Real time, small numbers: 3 per 300 ms on both sides, 9 creates at once. The emulator's own log is read, so
        // a 429 that a retry would hide still counts. No duration is asserted.
        var window = TimeSpan.FromMilliseconds(300);
        await using var emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions
        {
            AcceptAllConnections = true,
            RecordRequests = true,
            RateLimitPermitLimit = 3,
            RateLimitWindow = window,
        });
        var client = new DatabrainClient(new DatabrainClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            ServiceToken = emulator.ServiceToken,
            RateLimit = { Enabled = true, PermitLimit = 3, Window = window },
        });

        await Task.WhenAll(Enumerable.Range(0, 9).Select(i => client.CreateDatasourceAsync(ApiServer.Postgres($"limited-{i}"))));

        emulator.Requests.Should().HaveCount(9).And.OnlyContain(r => r.Disposition == EmulatedRequestDisposition.Answered && r.StatusCode == 200);
        emulator.Datasources.Should().HaveCount(9);
    }
}
