namespace Databrain.Emulator.Tests.Infrastructure;

/// <summary>A fresh emulator per test (xunit makes one instance of the class per test).</summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    protected DatabrainEmulator Emulator { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>The options of the emulator; by default connection tests are disabled.</summary>
    protected virtual DatabrainEmulatorOptions CreateOptions() => new() { AcceptAllConnections = true };

    public virtual async Task InitializeAsync()
    {
        Emulator = await DatabrainEmulator.StartAsync(CreateOptions());
        Client = Emulator.CreateClient();
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
