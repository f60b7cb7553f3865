using System.Collections.ObjectModel;

namespace Databrain.Client;

/// <summary>
/// The request was invalid and was not sent. <see cref="Problems"/> lists every problem at once;
/// the message names the fields, never their values. <see cref="Errors"/> groups them by field in the shape
/// ASP.NET Core's <c>ValidationProblemDetails</c> and <c>Results.ValidationProblem</c> take.
/// </summary>
public sealed class DatabrainValidationException : DatabrainException
{
    /// <summary>Creates the exception for a non-empty list of problems.</summary>
    /// <param name="operation">The operation that was about to run, if any.</param>
    /// <param name="problems">Every problem found.</param>
    public DatabrainValidationException(DatabrainOperation? operation, IReadOnlyList<ValidationProblem> problems)
        : base(operation, BuildMessage(problems))
    {
        Problems = problems;
        Errors = Group(problems, prefix: null);
    }

    /// <summary>Every problem found, in field order.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>
    /// The messages of <see cref="Problems"/> grouped by field, keyed by the full wire path
    /// (<c>credentials.port</c>, <c>tenancySettings.tableName</c>, <c>datasourceType</c>), fields and messages in
    /// the order found. Read-only. The keys match the JSON paths of a request body shaped like DataBrain's own
    /// (<c>{"datasourceType": ..., "credentials": {...}, "tenancySettings": {...}}</c>), so
    /// <c>Results.ValidationProblem(exception.Errors)</c> answers a 400 that points into that body. When the body
    /// your endpoint took is the <c>credentials</c> object alone, use <see cref="ErrorsRelativeTo"/>.
    /// </summary>
    public IDictionary<string, string[]> Errors { get; }

    /// <summary>
    /// <see cref="Errors"/> with the keys under <paramref name="objectPath"/> made relative to it:
    /// <c>ErrorsRelativeTo("credentials")</c> keys <c>credentials.port</c> as <c>port</c>, for an endpoint whose
    /// request body is the <c>credentials</c> object itself. A problem outside that object (<c>datasourceType</c>,
    /// <c>tenancySettings.tableName</c>) keeps its full path, and one about the object as a whole
    /// (<c>credentials: must be a JSON object.</c>) is keyed by the empty string, as ASP.NET Core keys a problem
    /// with the whole body.
    /// </summary>
    /// <param name="objectPath">The wire path of the object the body is, for example <c>credentials</c>.</param>
    /// <returns>A new read-only dictionary.</returns>
    /// <exception cref="ArgumentException"><paramref name="objectPath"/> is null, empty or white space.</exception>
    public IDictionary<string, string[]> ErrorsRelativeTo(string objectPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectPath);
        return Group(Problems, objectPath);
    }

    private static IDictionary<string, string[]> Group(IReadOnlyList<ValidationProblem> problems, string? prefix)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var problem in problems)
        {
            var key = Relative(problem.Field, prefix);
            if (!groups.TryGetValue(key, out var messages))
            {
                groups[key] = messages = [];
                order.Add(key);
            }

            messages.Add(problem.Message);
        }

        var errors = new Dictionary<string, string[]>(order.Count, StringComparer.Ordinal);
        foreach (var key in order)
        {
            errors[key] = [.. groups[key]];
        }

        return new ReadOnlyDictionary<string, string[]>(errors);
    }

    private static string Relative(string field, string? prefix)
    {
        if (prefix is null)
        {
            return field;
        }

        if (field == prefix)
        {
            return string.Empty;
        }

        return field.Length > prefix.Length && field.StartsWith(prefix, StringComparison.Ordinal) && field[prefix.Length] == '.'
            ? field[(prefix.Length + 1)..]
            : field;
    }

    private static string BuildMessage(IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var noun = problems.Count == 1 ? "problem" : "problems";
        return $"The request is invalid ({problems.Count} {noun}): " + string.Join("; ", problems);
    }
}
