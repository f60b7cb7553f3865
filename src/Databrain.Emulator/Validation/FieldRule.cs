namespace Databrain.Emulator.Validation;

/// <summary>
/// One row of the spec's credential table: a wire field, its JSON type, whether it is always
/// required, and (for enum-like strings) its exact allowed values.
/// </summary>
/// <param name="Name">Wire name inside <c>credentials</c>, exact case.</param>
/// <param name="Kind">Required JSON type.</param>
/// <param name="Required">Required for every request of the type (conditional rules add more).</param>
/// <param name="AllowedValues">For enum-like strings: the exact allowed values; otherwise <see langword="null"/>.</param>
/// <param name="IsPort">A JSON integer from 1 to 65535.</param>
internal sealed record FieldRule(
    string Name,
    FieldKind Kind,
    bool Required,
    IReadOnlyList<string>? AllowedValues = null,
    bool IsPort = false)
{
    public static FieldRule RequiredString(string name) => new(name, FieldKind.String, Required: true);

    public static FieldRule OptionalString(string name) => new(name, FieldKind.String, Required: false);

    public static FieldRule RequiredPort(string name) => new(name, FieldKind.Number, Required: true, IsPort: true);

    public static FieldRule OptionalPort(string name) => new(name, FieldKind.Number, Required: false, IsPort: true);

    public static FieldRule OptionalBoolean(string name) => new(name, FieldKind.Boolean, Required: false);

    public static FieldRule RequiredEnum(string name, params string[] allowed) => new(name, FieldKind.String, Required: true, allowed);

    public static FieldRule OptionalEnum(string name, params string[] allowed) => new(name, FieldKind.String, Required: false, allowed);
}
