using System.Collections.Concurrent;
using Databrain.Emulator.Validation;

namespace Databrain.Emulator.State;

/// <summary>Which connection probe runs for each datasource type: the options' choice, overridden at run time.</summary>
internal sealed class ProbeRegistry
{
    private readonly Dictionary<string, IConnectionProbe> _configured = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IConnectionProbe> _overrides = new(StringComparer.Ordinal);
    private readonly TimeSpan _connectTimeout;

    public ProbeRegistry(DatabrainEmulatorOptions options)
    {
        _connectTimeout = options.ConnectTimeout;
        var postgres = ConnectionProbes.Postgres(options.ConnectTimeout);
        foreach (var type in DatasourceCatalog.TypeNames)
        {
            _configured[type] = options.AcceptAllConnections
                ? ConnectionProbes.Accept
                : type is "postgres" or "redshift" ? postgres : ConnectionProbes.Accept;
        }

        if (!options.AcceptAllConnections)
        {
            foreach (var (type, probe) in options.ConnectionProbes)
            {
                _configured[type] = probe ?? throw new ArgumentException($"The connection probe for {type} is null.", nameof(options));
            }
        }
    }

    public IConnectionProbe For(string datasourceType) =>
        _overrides.TryGetValue(datasourceType, out var probe) ? probe : _configured.GetValueOrDefault(datasourceType, ConnectionProbes.Accept);

    public void Set(string datasourceType, IConnectionProbe probe) => _overrides[datasourceType] = probe;

    public void Set(string datasourceType, ConnectionProbeMode mode) => Set(datasourceType, ConnectionProbes.FromMode(mode, _connectTimeout));

    public void SetAll(IConnectionProbe probe)
    {
        foreach (var type in DatasourceCatalog.TypeNames)
        {
            Set(type, probe);
        }
    }

    public void SetAll(ConnectionProbeMode mode) => SetAll(ConnectionProbes.FromMode(mode, _connectTimeout));

    public void Reset() => _overrides.Clear();
}
