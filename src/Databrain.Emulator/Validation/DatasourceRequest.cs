using System.Text.Json;

namespace Databrain.Emulator.Validation;

/// <summary>A create or update body that passed validation.</summary>
/// <param name="Rules">The rules of its <c>datasourceType</c>.</param>
/// <param name="Name">The value of <c>credentials.name</c>.</param>
/// <param name="Credentials">A detached copy of the <c>credentials</c> object.</param>
/// <param name="TenancySettings">A detached copy of <c>tenancySettings</c>, or <see langword="null"/> when it was omitted.</param>
internal sealed record DatasourceRequest(
    DatasourceTypeRules Rules,
    string Name,
    JsonElement Credentials,
    JsonElement? TenancySettings);
