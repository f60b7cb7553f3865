using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Databrain.Client.Serialization;

/// <summary>
/// Maps a closed set of enum members to their exact wire strings (which hold spaces, slashes and
/// dashes, so no naming policy fits them). AOT-safe: no reflection over enum names.
/// </summary>
internal abstract class WireEnumConverter<TEnum> : JsonConverter<TEnum>, IWireEnumConverter
    where TEnum : struct, Enum
{
    private readonly (TEnum Value, string Wire)[] _map;

    protected WireEnumConverter(params (TEnum Value, string Wire)[] map)
    {
        _map = map;
        AllowedValues = string.Join(", ", map.Select(m => $"\"{m.Wire}\""));
    }

    /// <inheritdoc />
    public string AllowedValues { get; }

    /// <summary>Whether <paramref name="value"/> is a member with a wire string (a cast like <c>(TEnum)42</c> is not).</summary>
    public bool IsDefined(TEnum value) => TryToWire(value, out _);

    public string ToWire(TEnum value) =>
        TryToWire(value, out var wire)
            ? wire
            : throw new JsonException($"{typeof(TEnum).Name} value {value} has no wire representation.");

    public bool TryFromWire(string? wire, out TEnum value)
    {
        foreach (var (v, w) in _map)
        {
            if (string.Equals(w, wire, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var wire = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return TryFromWire(wire, out var value) ? value : throw new JsonException($"Expected one of {AllowedValues}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToWire(value));

    private bool TryToWire(TEnum value, [NotNullWhen(true)] out string? wire)
    {
        foreach (var (v, w) in _map)
        {
            if (EqualityComparer<TEnum>.Default.Equals(v, value))
            {
                wire = w;
                return true;
            }
        }

        wire = null;
        return false;
    }
}
