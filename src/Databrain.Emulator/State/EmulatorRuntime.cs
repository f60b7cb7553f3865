using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Databrain.Emulator.State;

/// <summary>Everything an emulator instance holds: its datasources, knobs and probes.</summary>
internal sealed class EmulatorRuntime
{
    private readonly byte[] _tokenBytes;
    private readonly TimeSpan _initialLatency;
    private readonly TimeSpan _initialLatencyJitter;
    private readonly int? _initialRateLimit;
    private readonly TimeSpan _initialRateLimitWindow;
    private long _latencyTicks;
    private long _latencyJitterTicks;

    public EmulatorRuntime(DatabrainEmulatorOptions options, string serviceToken, ILogger logger)
    {
        ServiceToken = serviceToken;
        _tokenBytes = Encoding.UTF8.GetBytes(serviceToken);
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        Logger = logger;
        Store = new DatasourceStore(TimeProvider);
        Faults = new FaultInjector();
        OperationFaults = new OperationFaults();
        Requests = new RequestLog(options.RecordRequests);
        RateLimit = new RateLimitWindow(TimeProvider);
        _initialRateLimit = options.RateLimitPermitLimit;
        _initialRateLimitWindow = options.RateLimitWindow;
        ApplyInitialRateLimit();
        Probes = new ProbeRegistry(options);
        _initialLatency = options.Latency;
        Latency = options.Latency;
        _initialLatencyJitter = options.LatencyJitter;
        LatencyJitter = options.LatencyJitter;
    }

    public string ServiceToken { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public DatasourceStore Store { get; }

    public FaultInjector Faults { get; }

    public OperationFaults OperationFaults { get; }

    public RequestLog Requests { get; }

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

    public TimeSpan LatencyJitter
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyJitterTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _latencyJitterTicks, value.Ticks);
        }
    }

    /// <summary>The delay before this request is handled: the latency plus a uniform draw below the jitter.</summary>
    public TimeSpan NextDelay()
    {
        var jitter = LatencyJitter;
#pragma warning disable CA5394 // Latency jitter, not security.
        return jitter > TimeSpan.Zero ? Latency + (jitter * Random.Shared.NextDouble()) : Latency;
#pragma warning restore CA5394
    }

    /// <summary>Constant-time comparison with the service token.</summary>
    public bool IsServiceToken(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _tokenBytes);

    /// <summary>
    /// Back to a fresh emulator: no datasources, the options' latency, probes and rate limit, no failures or drops,
    /// an empty request log.
    /// </summary>
    public void Reset()
    {
        Store.Clear();
        Faults.Clear();
        OperationFaults.ClearFailures();
        OperationFaults.ClearDrops();
        Requests.Clear();
        ApplyInitialRateLimit();
        Probes.Reset();
        Latency = _initialLatency;
        LatencyJitter = _initialLatencyJitter;
    }

    // The options' limit starts a fresh window (a reset forgets what the last one counted); without one, none.
    private void ApplyInitialRateLimit()
    {
        if (_initialRateLimit is { } permitLimit)
        {
            RateLimit.Configure(permitLimit, _initialRateLimitWindow);
        }
        else
        {
            RateLimit.Disable();
        }
    }
}
