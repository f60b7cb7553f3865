using System.Text.Json;

namespace Databrain.Emulator;

/// <summary>
/// A snapshot of one datasource held by the emulator, for assertions in tests. Snapshots are
/// immutable; an update or sync replaces the datasource's snapshot.
/// </summary>
/// <remarks>
/// <see cref="Credentials"/> is the object as sent, secrets included: never log it.
/// <see cref="ToString"/> shows the name, type and id only.
/// </remarks>
public sealed class EmulatedDatasource
{
    internal EmulatedDatasource(
        Guid id,
        string datasourceType,
        string name,
        JsonElement credentials,
        JsonElement? tenancySettings,
        DatasourceSchema? schema,
        bool inUse,
        int syncCount,
        long sequence,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt)
    {
        Id = id;
        DatasourceType = datasourceType;
        Name = name;
        Credentials = credentials;
        TenancySettings = tenancySettings;
        Schema = schema;
        InUse = inUse;
        SyncCount = syncCount;
        Sequence = sequence;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    /// <summary>The id given at creation; the one <c>sync</c> takes and <c>delete</c> returns.</summary>
    public Guid Id { get; }

    /// <summary>The wire value of <c>datasourceType</c>.</summary>
    public string DatasourceType { get; }

    /// <summary>The unique, case-sensitive name (<c>credentials.name</c>).</summary>
    public string Name { get; }

    /// <summary>The last <c>credentials</c> object accepted, as sent (secrets included).</summary>
    public JsonElement Credentials { get; }

    /// <summary>The current <c>tenancySettings</c>, or <see langword="null"/> when none were ever sent.</summary>
    public JsonElement? TenancySettings { get; }

    /// <summary>The schema cached by the connection probe, or <see langword="null"/> when the probe reads none.</summary>
    public DatasourceSchema? Schema { get; }

    /// <summary>Whether a delete is refused with <c>DATASOURCE_IN_USE</c>; see <see cref="DatabrainEmulator.SetInUse"/>.</summary>
    public bool InUse { get; }

    /// <summary>How many times the datasource was synced.</summary>
    public int SyncCount { get; }

    /// <summary>When it was created, by the emulator's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it was last created, updated or synced, by the emulator's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>Creation order.</summary>
    internal long Sequence { get; }

    /// <inheritdoc />
    public override string ToString() => $"EmulatedDatasource {{ Name = {Name}, DatasourceType = {DatasourceType}, Id = {Id} }}";

    internal EmulatedDatasource With(
        JsonElement? credentials = null,
        JsonElement? tenancySettings = null,
        DatasourceSchema? schema = null,
        bool replaceSchema = false,
        bool? inUse = null,
        int? syncCount = null,
        DateTimeOffset? updatedAt = null) =>
        new(
            Id,
            DatasourceType,
            Name,
            credentials ?? Credentials,
            tenancySettings ?? TenancySettings,
            replaceSchema ? schema : Schema,
            inUse ?? InUse,
            syncCount ?? SyncCount,
            Sequence,
            CreatedAt,
            updatedAt ?? UpdatedAt);
}
