namespace Databrain.Emulator.Validation;

/// <summary>The credential rules of one <c>datasourceType</c>.</summary>
/// <param name="Type">The wire value of <c>datasourceType</c>.</param>
/// <param name="Fields">Every documented field, required or optional.</param>
/// <param name="Conditions">Rules that make optional fields required.</param>
internal sealed record DatasourceTypeRules(
    string Type,
    IReadOnlyList<FieldRule> Fields,
    IReadOnlyList<ConditionalRule> Conditions)
{
    public FieldRule? Find(string name)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }
}
