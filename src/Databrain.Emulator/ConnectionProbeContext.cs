using System.Text.Json;

namespace Databrain.Emulator;

/// <summary>What a connection probe is given: the validated body of a create or update.</summary>
public sealed class ConnectionProbeContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="datasourceType">The wire value of <c>datasourceType</c>.</param>
    /// <param name="name">The datasource name (<c>credentials.name</c>).</param>
    /// <param name="credentials">The <c>credentials</c> object, as sent.</param>
    public ConnectionProbeContext(string datasourceType, string name, JsonElement credentials)
    {
        ArgumentNullException.ThrowIfNull(datasourceType);
        ArgumentNullException.ThrowIfNull(name);
        DatasourceType = datasourceType;
        Name = name;
        Credentials = credentials;
    }

    /// <summary>The wire value of <c>datasourceType</c>, for example <c>postgres</c>.</summary>
    public string DatasourceType { get; }

    /// <summary>The datasource name (<c>credentials.name</c>).</summary>
    public string Name { get; }

    /// <summary>The <c>credentials</c> object as sent, secrets included: never log it.</summary>
    public JsonElement Credentials { get; }

    /// <summary>A string field of <see cref="Credentials"/>.</summary>
    /// <param name="field">The wire name.</param>
    /// <returns>The value, or <see langword="null"/> when absent or not a string.</returns>
    public string? GetString(string field) =>
        Credentials.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An integer field of <see cref="Credentials"/>.</summary>
    /// <param name="field">The wire name.</param>
    /// <returns>The value, or <see langword="null"/> when absent or not an integer.</returns>
    public int? GetInt32(string field) =>
        Credentials.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    /// <summary>A boolean field of <see cref="Credentials"/>.</summary>
    /// <param name="field">The wire name.</param>
    /// <returns>The value, or <see langword="null"/> when absent or not a boolean.</returns>
    public bool? GetBoolean(string field) =>
        Credentials.TryGetProperty(field, out var value) && value.ValueKind is (JsonValueKind.True or JsonValueKind.False) ? value.GetBoolean() : null;

    /// <inheritdoc />
    public override string ToString() => $"ConnectionProbeContext {{ DatasourceType = {DatasourceType}, Name = {Name} }}";
}
