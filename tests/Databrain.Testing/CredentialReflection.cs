using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Databrain.Client.Models;

namespace Databrain.Testing;

/// <summary>Finds credential types and their wire properties by reflection, so new types are covered unedited.</summary>
public static class CredentialReflection
{
    /// <summary>
    /// The spec's secret <c>credentials</c> fields (section 4), <c>s3AccessKeyId</c> included. A hash set (Contains is a
    /// lookup) behind a collection type that .NET Framework has too (it lacks <c>IReadOnlySet</c>).
    /// </summary>
    public static readonly IReadOnlyCollection<string> SecretWireNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "password", "privateKey", "credentials_json", "token", "client_secret", "s3SecretAccessKey", "sshPrivateKey", "s3AccessKeyId",
    };

    /// <summary>Every public non-abstract type of the SDK deriving from <see cref="DatasourceCredentials"/>.</summary>
    public static IReadOnlyList<Type> ConcreteTypes { get; } = typeof(DatasourceCredentials).Assembly.GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract && t.IsSubclassOf(typeof(DatasourceCredentials)))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary><see cref="ConcreteTypes"/> as theory data (full names).</summary>
    public static TheoryData<string> ConcreteTypeNames => [.. ConcreteTypes.Select(t => t.FullName!)];

    public static Type TypeNamed(string fullName) => ConcreteTypes.Single(t => t.FullName == fullName);

    public static string? WireName(PropertyInfo property) => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;

    /// <summary>The properties written to the wire under a fixed name.</summary>
    public static IEnumerable<PropertyInfo> WireProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => WireName(p) is not null);

    /// <summary>
    /// Whether the property is <c>required</c>. Found by the attribute's name: on .NET Framework each assembly compiles its
    /// own copy of <c>RequiredMemberAttribute</c> (Polyfill), so the SDK's is not the type this assembly sees.
    /// </summary>
    public static bool IsRequiredMember(PropertyInfo property) =>
        property.CustomAttributes.Any(a => a.AttributeType.FullName == typeof(RequiredMemberAttribute).FullName);

    /// <summary>Sets the property written as <paramref name="wireName"/> (init accessors included).</summary>
    public static T Set<T>(T credentials, string wireName, object? value)
        where T : DatasourceCredentials
    {
        WireProperties(credentials.GetType()).Single(p => WireName(p) == wireName).SetValue(credentials, value);
        return credentials;
    }
}
