using System.Text.Json;
using System.Text.Json.Serialization;
using Databrain.Client.Models;
using Databrain.Client.Transport;

namespace Databrain.Client.Serialization;

/// <summary>
/// The one source-generated JSON context of the SDK: every type that crosses the wire is here, so
/// nothing is serialized by reflection (trimming and Native AOT safe). Unset optional fields are
/// left out, never sent as null.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(DatasourceCredentials))]
// Exactly DatasourceTypeTable's records (CredentialsReader asks for each): a test holds this list to the table.
[JsonSerializable(typeof(SnowflakeCredentials))]
[JsonSerializable(typeof(PostgresCredentials))]
[JsonSerializable(typeof(RedshiftCredentials))]
[JsonSerializable(typeof(MySqlCredentials))]
[JsonSerializable(typeof(MongoDbCredentials))]
[JsonSerializable(typeof(ClickHouseCredentials))]
[JsonSerializable(typeof(SingleStoreCredentials))]
[JsonSerializable(typeof(BigQueryCredentials))]
[JsonSerializable(typeof(DatabricksCredentials))]
[JsonSerializable(typeof(ElasticsearchCredentials))]
[JsonSerializable(typeof(OpenSearchCredentials))]
[JsonSerializable(typeof(MsSqlCredentials))]
[JsonSerializable(typeof(AwsS3Credentials))]
[JsonSerializable(typeof(CsvCredentials))]
[JsonSerializable(typeof(FireboltCredentials))]
[JsonSerializable(typeof(AthenaCredentials))]
[JsonSerializable(typeof(TrinoCredentials))]
[JsonSerializable(typeof(TenancySettings))]
[JsonSerializable(typeof(DatasourceRequest))]
[JsonSerializable(typeof(NameResponse))]
[JsonSerializable(typeof(ListResponse))]
[JsonSerializable(typeof(DeleteResponse))]
[JsonSerializable(typeof(SyncRequest))]
[JsonSerializable(typeof(SyncResponse))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class DatabrainJsonContext : JsonSerializerContext
{
}
