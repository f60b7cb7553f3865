namespace Databrain.Client.Tests.Observability;

/// <summary>One measurement: the instrument's name, the value and its tags.</summary>
public sealed record CapturedMeasurement(string Instrument, double Value, IReadOnlyList<KeyValuePair<string, object?>> Tags)
{
    public Dictionary<string, object?> TagMap => Tags.ToDictionary(t => t.Key, t => t.Value);
}
