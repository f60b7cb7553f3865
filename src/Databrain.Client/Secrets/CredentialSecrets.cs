using System.Text.Json;
using Databrain.Client.Models;
using Databrain.Client.Serialization;

namespace Databrain.Client.Secrets;

/// <summary>
/// The one place that knows which <c>credentials</c> fields are secret and which values inside them must never be
/// shown. <c>ToString()</c> of credentials, the echo scrubber (<see cref="SecretScrubber"/>) and the CLI (through
/// <see cref="DatasourceCredentials.FindSecretTexts(DatasourceType, string)"/>) all walk the wire fields here.
/// </summary>
/// <remarks>
/// <para>
/// Secret fields: the spec's list (<see cref="IsSecretField"/>) for a documented type; for the escape hatch
/// (<see cref="CustomCredentials"/>, or raw JSON of a type this SDK does not know) every field but <c>name</c>.
/// A field name seen twice is secret too: only the first <c>name</c> can be the real name.
/// </para>
/// <para>
/// The values to mask in an echo (<see cref="Values(DatasourceCredentials)"/>):
/// </para>
/// <list type="bullet">
/// <item>The whole value of a field the spec names as secret (a string, or a number's text), whatever its
/// length: it is certainly a secret. The scrubber masks a short one (under
/// <see cref="SecretScrubber.MinimumAnywhereLength"/> characters) only where it stands as a whole token, so a
/// three-letter password is masked in <c>password "abc" rejected</c> but leaves <c>abcdef</c> alone.</item>
/// <item>Everything else is a <em>part</em>, probably secret or only a piece of one, masked on its own only from
/// <see cref="MinimumPartLength"/> characters, because masking every <c>1</c> or <c>on</c> in a message would wreck
/// it: the value of an escape-hatch field; every string and number nested (at any depth, in objects and arrays)
/// under a secret field; every string and number inside a secret string that is itself a JSON document (BigQuery's
/// <c>credentials_json</c>), both decoded and as escaped in the document, except the members a key file
/// publishes by design (<c>type</c>, <c>project_id</c>, <c>auth_uri</c>, <c>token_uri</c>,
/// <c>auth_provider_x509_cert_url</c>, <c>universe_domain</c>); and each line of a multi-line secret that is not
/// a JSON document (a PEM key; line breaks real or escaped as <c>\n</c>) from <see cref="MinimumLineLength"/>
/// characters, PEM armour lines (<c>-----BEGIN ...-----</c>) excepted, so a server that quotes one line of a key,
/// or changes its line breaks, or a tool that folds it onto one line, shows none of it.</item>
/// </list>
/// <para>
/// Booleans and <c>null</c> are never masked: they carry no secret. The service token is the scrubber's, masked
/// whatever its length (as a whole token when short).
/// </para>
/// </remarks>
internal static class CredentialSecrets
{
    /// <summary>The shortest part (see the remarks) masked on its own.</summary>
    public const int MinimumPartLength = 4;

    /// <summary>The shortest line of a multi-line secret masked on its own: a PEM body line has 64 characters.</summary>
    public const int MinimumLineLength = 16;

    // A JSON document inside a secret string may hold another one; stop unwrapping there.
    private const int MaxDocumentNesting = 4;

    private static readonly HashSet<string> SecretFieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "privateKey", "credentials_json", "token", "client_secret",
        "s3SecretAccessKey", "sshPrivateKey", "s3AccessKeyId",
    };

    // Fixed, public members of a Google service-account key file: masking "service_account" or
    // "googleapis.com" would garble messages and protect nothing. project_id is sent in clear beside it.
    private static readonly HashSet<string> PublicDocumentMembers = new(StringComparer.Ordinal)
    {
        "type", "project_id", "auth_uri", "token_uri", "auth_provider_x509_cert_url", "universe_domain",
    };

    /// <summary>
    /// Whether a field of a documented type's <c>credentials</c> is secret: <c>password</c>, <c>privateKey</c>,
    /// <c>credentials_json</c>, <c>token</c>, <c>client_secret</c>, <c>s3SecretAccessKey</c>, <c>sshPrivateKey</c>,
    /// and <c>s3AccessKeyId</c> (an identifier, but with a leaked secret it is a working key). Case is ignored.
    /// </summary>
    public static bool IsSecretField(string wireName) => SecretFieldNames.Contains(wireName);

    /// <summary>Whether every field but <c>name</c> of raw <paramref name="type"/> credentials is secret: a type this SDK does not know.</summary>
    public static bool EveryFieldIsSecret(DatasourceType type) => !DatasourceType.WellKnown.Contains(type);

    /// <summary>Whether every field but <c>name</c> of <paramref name="credentials"/> is secret: the escape hatch.</summary>
    public static bool EveryFieldIsSecret(DatasourceCredentials credentials) => credentials is CustomCredentials;

    /// <summary>
    /// The wire fields of <paramref name="credentials"/> (written through the source-generated context, so exactly
    /// what a request sends), or <see langword="null"/> when a value has no wire form (an enum value cast from a
    /// number, an empty <see cref="JsonElement"/>): such credentials cannot be sent either.
    /// </summary>
    public static JsonDocument? WireFields(DatasourceCredentials credentials)
    {
        try
        {
            return JsonSerializer.SerializeToDocument(credentials, DatabrainJsonContext.Default.DatasourceCredentials);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The top-level fields of a <c>credentials</c> object, in order, each with whether it is secret.</summary>
    /// <param name="credentials">A JSON object.</param>
    /// <param name="everyFieldIsSecret">The escape hatch: every field but the first <c>name</c> is secret.</param>
    public static IEnumerable<(JsonProperty Field, bool IsSecret)> Fields(JsonElement credentials, bool everyFieldIsSecret)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in credentials.EnumerateObject())
        {
            var repeated = !seen.Add(field.Name);
            yield return (field, repeated || (everyFieldIsSecret ? field.Name != "name" : IsSecretField(field.Name)));
        }
    }

    /// <summary>Every secret value of <paramref name="credentials"/> to mask in an echo, as the remarks describe; forms (escaped, encoded) are the scrubber's.</summary>
    public static IReadOnlyList<string> Values(DatasourceCredentials credentials)
    {
        using var document = WireFields(credentials);
        return document is null ? [] : Values(document.RootElement, EveryFieldIsSecret(credentials));
    }

    /// <summary>Every secret value of a raw, possibly invalid <c>credentials</c> object of <paramref name="type"/>; nothing when it is not an object.</summary>
    public static IReadOnlyList<string> Values(DatasourceType type, JsonElement credentials) =>
        Values(credentials, EveryFieldIsSecret(type));

    /// <summary>
    /// Every text to mask in what a tool prints for raw <c>credentials</c> JSON of <paramref name="type"/>: each secret
    /// value in every form a server may echo it in, longest first. Text that is not JSON gives nothing: no field
    /// can be told apart, and the SDK never quotes input it cannot read.
    /// </summary>
    public static IReadOnlyList<string> TextsToMask(DatasourceType type, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return [];
        }

        using (document)
        {
            return SecretScrubber.ForValues(Values(type, document.RootElement)).Texts;
        }
    }

    private static IReadOnlyList<string> Values(JsonElement credentials, bool everyFieldIsSecret)
    {
        if (credentials.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var values = new List<string>();
        foreach (var (field, isSecret) in Fields(credentials, everyFieldIsSecret))
        {
            if (!isSecret)
            {
                continue;
            }

            if (IsSecretField(field.Name) && WholeValue(field.Value) is { Length: > 0 } whole)
            {
                values.Add(whole);
            }

            AddParts(values, field.Value, inDocument: false, nesting: 0);
        }

        return [.. values.Distinct(StringComparer.Ordinal)];
    }

    private static string? WholeValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static void AddParts(List<string> values, JsonElement value, bool inDocument, int nesting)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                AddPart(values, text);
                if (inDocument)
                {
                    // As the document is sent, verbatim (a PEM key's line breaks as \n): a server may quote it so.
                    // Outside a document the escaped text is the serializer's, which the scrubber's forms cover.
                    AddPart(values, value.GetRawText()[1..^1]);
                }

                if (!AddDocument(values, text, nesting))
                {
                    AddLines(values, text);
                }

                break;
            case JsonValueKind.Number:
                AddPart(values, value.GetRawText());
                break;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    if (!(inDocument && PublicDocumentMembers.Contains(member.Name)))
                    {
                        AddParts(values, member.Value, inDocument, nesting);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    AddParts(values, item, inDocument, nesting);
                }

                break;
        }
    }

    private static void AddPart(List<string> values, string part)
    {
        if (part.Length >= MinimumPartLength)
        {
            values.Add(part);
        }
    }

    // A secret that is itself JSON (a service-account key): a server may quote any one of its values.
    // Its lines are not added: the values are the pieces worth masking, and a key file's lines are mostly public.
    private static bool AddDocument(List<string> values, string text, int nesting)
    {
        var start = text.AsSpan().TrimStart();
        if (nesting >= MaxDocumentNesting || start.IsEmpty || (start[0] != '{' && start[0] != '['))
        {
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            AddParts(values, document.RootElement, inDocument: true, nesting + 1);
        }

        return true;
    }

    // Split on real line breaks and on escaped ones (a key pasted from an environment variable as one line with \n):
    // a server may turn either into the other before it quotes one line.
    private static void AddLines(List<string> values, string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n') < 0 && !text.Contains("\\n", StringComparison.Ordinal))
        {
            return;
        }

        // string.Replace(string, string) is ordinal on every target.
        var lines = text.Replace("\\r", "\n").Replace("\\n", "\n").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var untrimmed in lines)
        {
            var line = untrimmed.Trim();
            if (line.Length >= MinimumLineLength && !IsPemArmour(line))
            {
                values.Add(line);
            }
        }
    }

    private static bool IsPemArmour(string line) =>
        line.StartsWith("-----", StringComparison.Ordinal) && line.EndsWith("-----", StringComparison.Ordinal);
}
