using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Databrain.Client.Models;
using Databrain.Client.Transport;

namespace Databrain.Client.Serialization;

/// <summary>
/// Writes the create/update body with the credentials serialized as their runtime type. The wire JSON is the
/// same as the polymorphic (no discriminator) path's, but that path runs the metadata-driven serializer
/// three levels deep and allocates its frame stack on every request; this one writes two flat objects.
/// </summary>
internal sealed class DatasourceRequestJsonConverter : JsonConverter<DatasourceRequest>
{
    public override DatasourceRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("The SDK only writes datasource requests.");

    public override void Write(Utf8JsonWriter writer, DatasourceRequest value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("datasourceType", value.Credentials.DatasourceType.Value);
        writer.WritePropertyName("credentials");
        JsonSerializer.Serialize(writer, value.Credentials, CredentialsTypeInfo(value.Credentials, options));
        if (value.TenancySettings is { } tenancy)
        {
            writer.WritePropertyName("tenancySettings");
            JsonSerializer.Serialize(writer, tenancy, (JsonTypeInfo<TenancySettings>)options.GetTypeInfo(typeof(TenancySettings)));
        }

        writer.WriteEndObject();
    }

    // The runtime type's own metadata when the context has it (every SDK credential type); else the base
    // type's polymorphic metadata, which writes the same fields.
    private static JsonTypeInfo CredentialsTypeInfo(DatasourceCredentials credentials, JsonSerializerOptions options) =>
        options.TryGetTypeInfo(credentials.GetType(), out var exact) ? exact : options.GetTypeInfo(typeof(DatasourceCredentials));
}
