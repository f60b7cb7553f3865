using System.Text.Json;
using Xunit.Sdk;

namespace Databrain.Testing;

/// <summary>
/// Structural JSON equality: the same property names, values and value kinds, no extra or duplicate
/// properties; property order is irrelevant, array order is not. Numbers compare by their exact text.
/// </summary>
public static class JsonAssert
{
    /// <summary>Fails with the first differing path unless the two texts hold the same JSON.</summary>
    public static void Equivalent(string expectedJson, string actualJson)
    {
        var difference = FindDifference(expectedJson, actualJson);
        if (difference is not null)
        {
            throw new XunitException($"JSON differs at {difference}{Environment.NewLine}expected: {expectedJson}{Environment.NewLine}actual:   {actualJson}");
        }
    }

    /// <summary>The first difference as <c>path: explanation</c>, or <see langword="null"/> when equal.</summary>
    public static string? FindDifference(string expectedJson, string actualJson)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        using var actual = JsonDocument.Parse(actualJson);
        return FindDifference(expected.RootElement, actual.RootElement, "$");
    }

    private static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected a {expected.ValueKind}, found a {actual.ValueKind}";
        }

        return expected.ValueKind switch
        {
            JsonValueKind.Object => FindObjectDifference(expected, actual, path),
            JsonValueKind.Array => FindArrayDifference(expected, actual, path),
            JsonValueKind.String when expected.GetString() != actual.GetString() =>
                $"{path}: expected the string {expected.GetRawText()}, found {actual.GetRawText()}",
            JsonValueKind.Number when expected.GetRawText() != actual.GetRawText() =>
                $"{path}: expected the number {expected.GetRawText()}, found {actual.GetRawText()}",
            _ => null,
        };
    }

    private static string? FindObjectDifference(JsonElement expected, JsonElement actual, string path)
    {
        var expectedProperties = Properties(expected, out var duplicate);
        if (duplicate is not null)
        {
            return $"{path}: the expected JSON has the property \"{duplicate}\" twice";
        }

        var actualProperties = Properties(actual, out duplicate);
        if (duplicate is not null)
        {
            return $"{path}.{duplicate}: the property appears more than once";
        }

        foreach (var (name, value) in expectedProperties)
        {
            if (!actualProperties.TryGetValue(name, out var actualValue))
            {
                return $"{path}.{name}: missing";
            }

            if (FindDifference(value, actualValue, $"{path}.{name}") is { } difference)
            {
                return difference;
            }
        }

        var extra = actualProperties.Keys.FirstOrDefault(name => !expectedProperties.ContainsKey(name));
        return extra is null ? null : $"{path}.{extra}: unexpected property";
    }

    private static Dictionary<string, JsonElement> Properties(JsonElement element, out string? duplicate)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        duplicate = null;
        foreach (var property in element.EnumerateObject())
        {
            if (!properties.TryAdd(property.Name, property.Value))
            {
                duplicate ??= property.Name;
            }
        }

        return properties;
    }

    private static string? FindArrayDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.GetArrayLength() != actual.GetArrayLength())
        {
            return $"{path}: expected {expected.GetArrayLength()} items, found {actual.GetArrayLength()}";
        }

        var index = 0;
        foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
        {
            if (FindDifference(e, a, $"{path}[{index++}]") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }
}
