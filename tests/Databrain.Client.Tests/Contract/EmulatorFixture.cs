using Databrain.Emulator;

namespace Databrain.Client.Tests.Contract;

/// <summary>A fresh emulator per test and an SDK client pointed at it.</summary>
public abstract class EmulatorFixture : IAsyncLifetime
{
    protected DatabrainEmulator Emulator { get; private set; } = null!;

    protected DatabrainClient Client { get; private set; } = null!;

    protected virtual DatabrainEmulatorOptions CreateOptions() => new() { AcceptAllConnections = true };

    public async Task InitializeAsync()
    {
        Emulator = await DatabrainEmulator.StartAsync(CreateOptions());
        Client = CreateClient(Emulator.ServiceToken);
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    protected DatabrainClient CreateClient(string token) =>
        new(new DatabrainClientOptions { BaseAddress = Emulator.BaseAddress, ServiceToken = token });
}
