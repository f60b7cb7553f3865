namespace Databrain.Client;

/// <summary>One problem found in a request before it was sent.</summary>
/// <param name="Field">
/// The wire path of the field, for example <c>credentials.port</c> or <c>tenancySettings.clientColumnType</c>.
/// </param>
/// <param name="Message">A plain explanation that names the rule, never the value.</param>
public sealed record ValidationProblem(string Field, string Message)
{
    /// <summary><c>field: message</c>.</summary>
    /// <returns>The problem on one line.</returns>
    public override string ToString() => $"{Field}: {Message}";
}
