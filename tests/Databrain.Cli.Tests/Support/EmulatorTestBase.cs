using Databrain.Emulator;

namespace Databrain.Cli.Tests.Support;

/// <summary>
/// A fresh emulator on loopback for each test, recording its requests (apply's tests count them). Connection tests
/// accept every datasource (these tests have no PostgreSQL); a test that needs a failing one sets its own probe.
/// </summary>
public abstract class EmulatorTestBase : IAsyncLifetime, IDisposable
{
    private DatabrainEmulator? _emulator;

    protected DatabrainEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator has not started.");

    protected TempDirectory Files { get; } = new();

    /// <summary>The emulator's address and token, as a user would export them.</summary>
    protected Dictionary<string, string?> Environment => CliRunner.Environment(Emulator.BaseAddress, Emulator.ServiceToken);

    public async Task InitializeAsync()
    {
        _emulator = await DatabrainEmulator.StartAsync(new DatabrainEmulatorOptions { RecordRequests = true });
        _emulator.SetConnectionProbeForAllTypes(ConnectionProbeMode.Accept);
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    public void Dispose() => Files.Dispose();

    protected Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Environment, args);

    protected Task<CliResult> RunWithStdinAsync(string stdin, params string[] args) => CliRunner.RunWithStdinAsync(Environment, stdin, args);

    /// <summary>Creates a Postgres datasource through the tool and checks that it worked.</summary>
    protected async Task CreatePostgresAsync(string name)
    {
        var result = await RunAsync("datasource", "create", "--type", "postgres", "--credentials", Files.File(name + ".json", Samples.Postgres(name)));
        result.ExitCode.Should().Be(0, result.AllOutput);
    }
}
