using Databrain.Client.Serialization;

namespace Databrain.Client.Validation;

/// <summary>
/// Checks the fields of one JSON object (<c>credentials</c> or <c>tenancySettings</c>) and records
/// each problem under its wire path. Chainable, so a type's rules read as one table. Messages name
/// the rule, never the value: a value may be a secret.
/// </summary>
internal sealed class ProblemCollector
{
    public const int MinPort = 1;
    public const int MaxPort = 65535;

    private readonly string _objectName;
    private readonly List<ValidationProblem> _problems;

    /// <param name="objectName">The wire name of the object, for example <c>credentials</c>.</param>
    /// <param name="problems">The list the problems are added to.</param>
    public ProblemCollector(string objectName, List<ValidationProblem> problems)
    {
        _objectName = objectName;
        _problems = problems;
    }

    /// <summary>An always-required string: not null, empty or white space.</summary>
    public ProblemCollector Required(string wireName, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Add(wireName, "is required and must not be empty or white space.") : this;

    /// <summary>A string required when <paramref name="condition"/> holds; <paramref name="reason"/> says when.</summary>
    public ProblemCollector RequiredWhen(bool condition, string reason, string wireName, string? value) =>
        condition && string.IsNullOrWhiteSpace(value)
            ? Add(wireName, $"is required, and must not be empty or white space, when {reason}.")
            : this;

    /// <summary>A number or enum required when <paramref name="condition"/> holds; <paramref name="reason"/> says when.</summary>
    public ProblemCollector RequiredWhen<T>(bool condition, string reason, string wireName, T? value)
        where T : struct =>
        condition && !value.HasValue ? Add(wireName, $"is required when {reason}.") : this;

    /// <summary>A TCP port, when set: 1–65535.</summary>
    public ProblemCollector Port(string wireName, int? value) =>
        value is < MinPort or > MaxPort ? Add(wireName, $"must be a port number from {MinPort} to {MaxPort}.") : this;

    /// <summary>An enum, when set: one of the members that have a wire string.</summary>
    public ProblemCollector Defined<TEnum>(string wireName, TEnum? value, WireEnumConverter<TEnum> converter)
        where TEnum : struct, Enum =>
        value is { } v && !converter.IsDefined(v)
            ? Add(wireName, $"is not a defined value; expected one of {converter.AllowedValues}.")
            : this;

    /// <summary>Records a problem of the field <paramref name="wireName"/>.</summary>
    public ProblemCollector Add(string wireName, string message)
    {
        _problems.Add(new ValidationProblem($"{_objectName}.{wireName}", message));
        return this;
    }
}
