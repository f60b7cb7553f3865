using System.Text.Json;

namespace Databrain.Emulator.State;

/// <summary>The emulator's datasources, in memory. Every method is atomic under one lock.</summary>
internal sealed class DatasourceStore(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EmulatedDatasource> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _nameById = [];
    private long _sequence;

    public bool Contains(string name)
    {
        lock (_gate)
        {
            return _byName.ContainsKey(name);
        }
    }

    public EmulatedDatasource? Find(string name)
    {
        lock (_gate)
        {
            return _byName.GetValueOrDefault(name);
        }
    }

    /// <summary>All datasources, in creation order.</summary>
    public IReadOnlyList<EmulatedDatasource> List()
    {
        lock (_gate)
        {
            return [.. _byName.Values.OrderBy(datasource => datasource.Sequence)];
        }
    }

    /// <summary>Adds a datasource unless its name is taken; exactly one of concurrent adds of a name wins.</summary>
    public StoreResult TryAdd(string datasourceType, string name, JsonElement credentials, JsonElement? tenancySettings, DatasourceSchema? schema, out EmulatedDatasource? added)
    {
        lock (_gate)
        {
            added = null;
            if (_byName.ContainsKey(name))
            {
                return StoreResult.NameTaken;
            }

            var now = timeProvider.GetUtcNow();
            added = new EmulatedDatasource(Guid.NewGuid(), datasourceType, name, credentials, tenancySettings, schema, inUse: false, syncCount: 0, ++_sequence, now, now);
            _byName.Add(name, added);
            _nameById.Add(added.Id, name);
            return StoreResult.Done;
        }
    }

    /// <summary>Replaces the credentials (and, when given, the tenancy settings) of an existing datasource.</summary>
    public StoreResult TryUpdate(string datasourceType, string name, JsonElement credentials, JsonElement? tenancySettings, DatasourceSchema? schema)
    {
        lock (_gate)
        {
            if (!_byName.TryGetValue(name, out var current))
            {
                return StoreResult.NotFound;
            }

            if (!string.Equals(current.DatasourceType, datasourceType, StringComparison.Ordinal))
            {
                return StoreResult.TypeMismatch;
            }

            _byName[name] = current.With(credentials, tenancySettings, schema, replaceSchema: true, updatedAt: timeProvider.GetUtcNow());
            return StoreResult.Done;
        }
    }

    public StoreResult TryDelete(string name, out EmulatedDatasource? deleted)
    {
        lock (_gate)
        {
            if (!_byName.TryGetValue(name, out deleted))
            {
                return StoreResult.NotFound;
            }

            if (deleted.InUse)
            {
                return StoreResult.InUse;
            }

            _byName.Remove(name);
            _nameById.Remove(deleted.Id);
            return StoreResult.Done;
        }
    }

    public StoreResult TrySync(Guid id, out EmulatedDatasource? synced)
    {
        lock (_gate)
        {
            synced = null;
            if (!_nameById.TryGetValue(id, out var name))
            {
                return StoreResult.NotFound;
            }

            var current = _byName[name];
            synced = current.With(syncCount: current.SyncCount + 1, updatedAt: timeProvider.GetUtcNow());
            _byName[name] = synced;
            return StoreResult.Done;
        }
    }

    public bool TrySetInUse(string name, bool inUse)
    {
        lock (_gate)
        {
            if (!_byName.TryGetValue(name, out var current))
            {
                return false;
            }

            _byName[name] = current.With(inUse: inUse);
            return true;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _byName.Clear();
            _nameById.Clear();
        }
    }
}
