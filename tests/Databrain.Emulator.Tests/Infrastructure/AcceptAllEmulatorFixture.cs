namespace Databrain.Emulator.Tests.Infrastructure;

/// <summary>One emulator shared by a test class, with connection tests disabled.</summary>
public sealed class AcceptAllEmulatorFixture : IAsyncLifetime
{
    public DatabrainEmulator Emulator { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions { AcceptAllConnections = true });
        Client = Emulator.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
