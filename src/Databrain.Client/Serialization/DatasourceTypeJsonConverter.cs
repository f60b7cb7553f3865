using System.Text.Json;
using System.Text.Json.Serialization;
using Databrain.Client.Models;

namespace Databrain.Client.Serialization;

/// <summary>Writes a <see cref="DatasourceType"/> as its bare wire string.</summary>
internal sealed class DatasourceTypeJsonConverter : JsonConverter<DatasourceType>
{
    public override DatasourceType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new JsonException("datasourceType must be a non-empty string.");
        }

        return new DatasourceType(value);
    }

    public override void Write(Utf8JsonWriter writer, DatasourceType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
