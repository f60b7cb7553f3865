using Databrain.Client.DesiredState;
using Databrain.Client.Tests.Contract;
using Databrain.Emulator;

namespace Databrain.Client.Tests.DesiredState;

/// <summary>An emulator that records every request, with helpers to seed datasources and read what was sent since a mark.</summary>
public abstract class DesiredStateFixture : EmulatorFixture
{
    protected override DatabrainEmulatorOptions CreateOptions() => new() { AcceptAllConnections = true, RecordRequests = true };

    /// <summary>Creates each name as a Postgres datasource (one create request each).</summary>
    protected async Task SeedAsync(params string[] names)
    {
        foreach (var name in names)
        {
            await Client.CreateDatasourceAsync(ApiServer.Postgres(name));
        }
    }

    /// <summary>How many requests the emulator has recorded so far.</summary>
    protected int Mark() => Emulator.Requests.Count;

    /// <summary>The requests recorded after <paramref name="mark"/>, in the order they finished.</summary>
    protected IReadOnlyList<EmulatedRequest> Since(int mark) => Emulator.Requests.Skip(mark).ToList();

    /// <summary>The operations recorded after <paramref name="mark"/>.</summary>
    protected IReadOnlyList<EmulatorOperation> OperationsSince(int mark) => Since(mark).Select(r => r.Operation).ToList();

    protected static DatasourceDefinition Definition(string name) => new() { Credentials = ApiServer.Postgres(name) };

    /// <summary>A client like <see cref="EmulatorFixture.Client"/> whose requests go through <paramref name="handler"/>.</summary>
    protected DatabrainClient ClientThrough(DelegatingHandler handler, Action<DatabrainClientOptions>? configure = null)
    {
        handler.InnerHandler = new SocketsHttpHandler();
        var options = new DatabrainClientOptions { BaseAddress = Emulator.BaseAddress, ServiceToken = Emulator.ServiceToken };
        configure?.Invoke(options);
        return new DatabrainClient(new HttpClient(handler), options);
    }
}
