namespace Databrain.Emulator.Validation;

/// <summary>
/// A rule of the form "when <paramref name="WhenField"/> is <paramref name="WhenValue"/>, the
/// fields <paramref name="ThenRequired"/> are required too" (all names are wire names inside
/// <c>credentials</c>).
/// </summary>
/// <param name="WhenField">The deciding field, an enum-like string.</param>
/// <param name="WhenValue">The exact value that triggers the rule.</param>
/// <param name="ThenRequired">The fields that become required.</param>
internal sealed record ConditionalRule(string WhenField, string WhenValue, IReadOnlyList<string> ThenRequired);
