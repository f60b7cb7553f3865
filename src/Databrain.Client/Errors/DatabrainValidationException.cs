namespace Databrain.Client;

/// <summary>
/// The request was invalid and was not sent. <see cref="Problems"/> lists every problem at once;
/// the message names the fields, never their values.
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
    }

    /// <summary>Every problem found, in field order.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string BuildMessage(IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var noun = problems.Count == 1 ? "problem" : "problems";
        return $"The request is invalid ({problems.Count} {noun}): " + string.Join("; ", problems);
    }
}
