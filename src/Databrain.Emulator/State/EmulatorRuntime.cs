using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Databrain.Emulator.State;

/// <summary>Everything an emulator instance holds: its datasources, knobs and probes.</summary>
internal sealed class EmulatorRuntime
{
    private readonly byte[] _tokenBytes;
    private readonly TimeSpan _initialLatency;
    private long _latencyTicks;

    public EmulatorRuntime(DatabrainEmulatorOptions options, string serviceToken, ILogger logger)
    {
        ServiceToken = serviceToken;
        _tokenBytes = Encoding.UTF8.GetBytes(serviceToken);
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        Logger = logger;
        Store = new DatasourceStore(TimeProvider);
        Faults = new FaultInjector();
        RateLimit = new RateLimitWindow(TimeProvider);
        Probes = new ProbeRegistry(options);
        _initialLatency = options.Latency;
        Latency = options.Latency;
    }

    public string ServiceToken { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public DatasourceStore Store { get; }

    public FaultInjector Faults { get; }

    public RateLimitWindow RateLimit { get; }

    public ProbeRegistry Probes { get; }

    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _latencyTicks, value.Ticks);
        }
    }

    /// <summary>Constant-time comparison with the service token.</summary>
    public bool IsServiceToken(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _tokenBytes);

    /// <summary>Back to a fresh emulator: no datasources, the options' latency and probes, no failures, no rate limit.</summary>
    public void Reset()
    {
        Store.Clear();
        Faults.Clear();
        RateLimit.Disable();
        Probes.Reset();
        Latency = _initialLatency;
    }
}
