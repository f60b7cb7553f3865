namespace Databrain.Client;

/// <summary>
/// Text given to be read as JSON (for example by <see cref="Models.DatasourceCredentials.FromJson(Models.DatasourceType, string)"/>)
/// is not JSON at all: nothing in it could be checked, so there are no field problems to list (those are a
/// <see cref="DatabrainValidationException"/>). Nothing was sent. The message says where reading stopped, and
/// never quotes the text, which may hold a secret.
/// </summary>
public sealed class DatabrainInvalidJsonException : DatabrainException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="objectName">What the text was read as, for example <c>credentials</c>.</param>
    /// <param name="lineNumber">The 1-based line where reading stopped (for a cut-off text, its last line).</param>
    /// <param name="column">The 1-based column (in characters) on that line where reading stopped (for a cut-off text, just past its end).</param>
    /// <param name="isIncomplete">Whether the text ended before the JSON was complete (a cut-off file, say).</param>
    public DatabrainInvalidJsonException(string objectName, int lineNumber, int column, bool isIncomplete)
        : base(null, BuildMessage(objectName, lineNumber, column, isIncomplete))
    {
        ObjectName = objectName;
        LineNumber = lineNumber;
        Column = column;
        IsIncomplete = isIncomplete;
    }

    /// <summary>What the text was read as, for example <c>credentials</c>.</summary>
    public string ObjectName { get; }

    /// <summary>The 1-based line where reading stopped; for a cut-off text (<see cref="IsIncomplete"/>), its last line.</summary>
    public int LineNumber { get; }

    /// <summary>
    /// The 1-based column, in characters, where reading stopped on <see cref="LineNumber"/>; for a cut-off text, just
    /// past its end, where it must go on.
    /// </summary>
    public int Column { get; }

    /// <summary>
    /// Whether the text ended before the JSON was complete: everything in it is valid so far, it just stops (a cut-off
    /// file, a missing closing brace). <see langword="false"/> for a genuine syntax error.
    /// </summary>
    public bool IsIncomplete { get; }

    private static string BuildMessage(string objectName, int lineNumber, int column, bool isIncomplete)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectName);
        var where = FormattableString.Invariant($"line {lineNumber}, column {column}");
        return isIncomplete
            ? $"The {objectName} text is not valid JSON at {where}: it ends before the JSON is complete."
            : $"The {objectName} text is not valid JSON at {where}.";
    }
}
