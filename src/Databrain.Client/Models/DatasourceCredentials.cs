using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Databrain.Client.Secrets;
using Databrain.Client.Serialization;

namespace Databrain.Client.Models;

/// <summary>
/// The <c>credentials</c> object of a datasource: what DataBrain needs to connect to it.
/// Each datasource type has its own sealed record (for example <see cref="PostgresCredentials"/>);
/// a type this SDK does not know yet goes through <see cref="CustomCredentials"/>.
/// </summary>
/// <remarks>
/// <see cref="object.ToString"/> and the debugger show every field except secrets, which read <c>***</c>.
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
// Exactly DatasourceTypeTable's records plus CustomCredentials: a generator input, so a test holds it to the table.
[JsonDerivedType(typeof(SnowflakeCredentials))]
[JsonDerivedType(typeof(PostgresCredentials))]
[JsonDerivedType(typeof(RedshiftCredentials))]
[JsonDerivedType(typeof(MySqlCredentials))]
[JsonDerivedType(typeof(MongoDbCredentials))]
[JsonDerivedType(typeof(ClickHouseCredentials))]
[JsonDerivedType(typeof(SingleStoreCredentials))]
[JsonDerivedType(typeof(BigQueryCredentials))]
[JsonDerivedType(typeof(DatabricksCredentials))]
[JsonDerivedType(typeof(ElasticsearchCredentials))]
[JsonDerivedType(typeof(OpenSearchCredentials))]
[JsonDerivedType(typeof(MsSqlCredentials))]
[JsonDerivedType(typeof(AwsS3Credentials))]
[JsonDerivedType(typeof(CsvCredentials))]
[JsonDerivedType(typeof(FireboltCredentials))]
[JsonDerivedType(typeof(AthenaCredentials))]
[JsonDerivedType(typeof(TrinoCredentials))]
[JsonDerivedType(typeof(CustomCredentials))]
public abstract record DatasourceCredentials
{
    /// <summary>The datasource's unique, case-sensitive name in the organization (wire: <c>name</c>).</summary>
    [JsonPropertyName("name")]
    [JsonPropertyOrder(-1)]
    public required string Name { get; init; }

    /// <summary>The datasource type these credentials are for (sent beside them as <c>datasourceType</c>).</summary>
    [JsonIgnore]
    public abstract DatasourceType DatasourceType { get; }

    // Only the records of this assembly derive from this type; CustomCredentials is the open door.
    private protected DatasourceCredentials()
    {
    }

    /// <summary>The type name and every wire field, with secret values shown as <c>***</c>.</summary>
    /// <returns>For example <c>PostgresCredentials { datasourceType = postgres, name = prod, host = db, port = 5432, password = *** }</c>.</returns>
    public sealed override string ToString()
    {
        var builder = new StringBuilder(GetType().Name).Append(" { ");
        AppendMaskedMembers(builder);
        return builder.Append(" }").ToString();
    }

    /// <summary>
    /// Prints the wire fields, secrets masked. Every credential record overrides the compiler's
    /// <c>PrintMembers</c> (which would print secrets) with a call to this one.
    /// </summary>
    /// <param name="builder">The builder to fill.</param>
    /// <returns><see langword="true"/>: members were printed.</returns>
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AppendMaskedMembers(builder);
        return true;
    }

    /// <summary>
    /// Reads a wire-format <c>credentials</c> object (as in a config file) into the record of <paramref name="type"/>.
    /// Reading is strict: a field the type does not have is a problem, not silently dropped, and a misspelt type is
    /// not sent as a new one.
    /// </summary>
    /// <param name="type">
    /// The <c>datasourceType</c> the fields belong to (case is ignored). A type this SDK does not know gives a
    /// <see cref="CustomCredentials"/>, unless it is within a small edit distance of a documented one
    /// (<c>postgress</c>, <c>"Postgres "</c>): that is a <c>datasourceType</c> problem naming the type meant. To send
    /// such a type deliberately, build <see cref="CustomCredentials"/> in code.
    /// </param>
    /// <param name="json">The JSON text of the <c>credentials</c> object, for example <c>{"name": "prod", "host": "db", ...}</c>.</param>
    /// <returns>
    /// The typed record for a known type; for any other type a <see cref="CustomCredentials"/> holding <c>name</c>
    /// and every other field untouched (the escape hatch accepts any field).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DatabrainInvalidJsonException">The text is not JSON; the exception says the line and column where reading stopped.</exception>
    /// <exception cref="DatabrainValidationException">
    /// A field the type does not have (<c>credentials.user: not a postgres field; did you mean "username"?</c>), a
    /// misspelt type, a field with the wrong JSON type or value, or a rule of <see cref="DatasourceValidator"/>
    /// broken. Every problem is named by its path; no value is ever quoted.
    /// </exception>
    public static DatasourceCredentials FromJson(DatasourceType type, string json) => CredentialsReader.Read(type, json);

    /// <summary>
    /// Whether a field of a documented type's <c>credentials</c> holds a secret (<c>password</c>,
    /// <c>privateKey</c>, <c>credentials_json</c>, <c>token</c>, <c>client_secret</c>, <c>s3SecretAccessKey</c>,
    /// <c>sshPrivateKey</c>, and <c>s3AccessKeyId</c>), for tools that must mask what they print.
    /// </summary>
    /// <param name="wireName">A field name inside <c>credentials</c>, for example <c>password</c>.</param>
    /// <returns><see langword="true"/> for a secret field. For <see cref="CustomCredentials"/> treat every field but <c>name</c> as secret.</returns>
    public static bool IsSecretField(string wireName) => CredentialSecrets.IsSecretField(wireName);

    /// <summary>
    /// Finds every text a tool must mask in what it prints once it has read a wire-format <c>credentials</c>
    /// object: each secret value in it, and each form a server may echo one in (JSON-escaped, URL-encoded).
    /// Reads the raw JSON without validating it, so even input that <see cref="FromJson(DatasourceType, string)"/>
    /// rejects has its secrets found.
    /// </summary>
    /// <param name="type">
    /// The <c>datasourceType</c>. For a documented type the secret fields are those of <see cref="IsSecretField"/>;
    /// for any other type (the escape hatch) every field but <c>name</c>.
    /// </param>
    /// <param name="json">The JSON text of the <c>credentials</c> object, as in a config file.</param>
    /// <returns>
    /// The texts to replace, longest first (replace them in that order, so a secret that contains another is masked
    /// whole). Besides the whole value of each secret field, they hold: every string and number nested in it; the
    /// values inside a secret that is itself a JSON document (a BigQuery <c>credentials_json</c> key file, say),
    /// except the key file's public members such as <c>type</c>; and each long line of a multi-line secret such as a
    /// PEM key. Such parts are included from 4 characters (lines from 16), so that short common text is left alone.
    /// Empty when <paramref name="json"/> is not JSON.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> FindSecretTexts(DatasourceType type, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return CredentialSecrets.TextsToMask(type, json);
    }

    /// <summary>
    /// Finds every text a tool must mask in what it prints once it holds <paramref name="credentials"/> (read from a
    /// definitions file whose secrets were references, say): the same texts as
    /// <see cref="FindSecretTexts(DatasourceType, string)"/> finds for the JSON these credentials send.
    /// </summary>
    /// <param name="credentials">The credentials. For <see cref="CustomCredentials"/> every field but <c>name</c> is secret.</param>
    /// <returns>The texts to replace, longest first; empty when a value has no wire form (such credentials cannot be sent either).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="credentials"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> FindSecretTexts(DatasourceCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return SecretScrubber.ForValues(CredentialSecrets.Values(credentials)).Texts;
    }

    /// <summary>
    /// Reads a wire-format <c>credentials</c> object, already parsed, into the record of <paramref name="type"/>, as
    /// strictly as <see cref="FromJson(DatasourceType, string)"/>.
    /// </summary>
    /// <param name="type">
    /// The <c>datasourceType</c> the fields belong to. A type this SDK does not know gives a <see cref="CustomCredentials"/>,
    /// unless it is a near miss of a documented one.
    /// </param>
    /// <param name="credentials">The <c>credentials</c> JSON object. The result does not depend on its document staying alive.</param>
    /// <returns>
    /// The typed record for a known type; for any other type a <see cref="CustomCredentials"/> holding <c>name</c>
    /// and every other field untouched.
    /// </returns>
    /// <exception cref="DatabrainValidationException">
    /// The element is not an object, a field the type does not have, a misspelt type, a field with the wrong JSON
    /// type or value, or a rule of <see cref="DatasourceValidator"/> broken. Every problem is named by its path; no
    /// value is ever quoted.
    /// </exception>
    public static DatasourceCredentials FromJson(DatasourceType type, JsonElement credentials) => CredentialsReader.Read(type, credentials);

    // Walks the JSON the record would send (exactly the wire fields), masking the fields
    // CredentialSecrets calls secret. ToString must never throw, so a record that cannot be
    // serialized (an enum value cast from a number, an empty JsonElement in CustomCredentials) shows its name only.
    private void AppendMaskedMembers(StringBuilder builder)
    {
        builder.Append("datasourceType = ").Append(DatasourceType.Value);
        using var document = CredentialSecrets.WireFields(this);
        if (document is null)
        {
            builder.Append(", name = ").Append(Name).Append(", (other fields not shown: one has no wire form)");
            return;
        }

        foreach (var (field, isSecret) in CredentialSecrets.Fields(document.RootElement, CredentialSecrets.EveryFieldIsSecret(this)))
        {
            builder.Append(", ").Append(field.Name).Append(" = ");
            if (isSecret)
            {
                builder.Append(SecretMask.Value);
            }
            else if (field.Value.ValueKind == JsonValueKind.String)
            {
                builder.Append(field.Value.GetString());
            }
            else
            {
                builder.Append(field.Value.GetRawText());
            }
        }
    }
}
