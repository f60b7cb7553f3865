namespace Databrain.Cli;

/// <summary>
/// The process exit codes of <c>databrain</c>. Scripts branch on these, so they never change meaning;
/// the same table is in the root command's help and in README.md.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>A failure the tool did not expect (a bug); the message names the exception type.</summary>
    public const int Unexpected = 1;

    /// <summary>
    /// Invalid input, nothing was sent: a usage error (unknown command or option, missing or malformed
    /// value), an input file that cannot be read or is not JSON, credentials or tenancy settings that fail
    /// validation (every problem listed, unknown fields and a misspelt type included), or no service token.
    /// </summary>
    public const int InvalidInput = 2;

    /// <summary>DataBrain rejected the service token.</summary>
    public const int Authentication = 3;

    /// <summary>No datasource has that name (update, delete) or id (sync).</summary>
    public const int NotFound = 4;

    /// <summary>Create: a datasource with that name already exists.</summary>
    public const int NameConflict = 5;

    /// <summary>DataBrain could not connect to the datasource with these credentials.</summary>
    public const int CredentialTestFailed = 6;

    /// <summary>Too many requests; the error says how long DataBrain asked to wait when it said.</summary>
    public const int RateLimited = 7;

    /// <summary>Any other error answer from DataBrain (4xx or 5xx).</summary>
    public const int ApiError = 8;

    /// <summary>No answer: the connection failed, the call timed out, or its outcome is unknown.</summary>
    public const int NoAnswer = 9;

    /// <summary>
    /// <c>datasource apply</c>: the file was valid and the plan was made, but at least one step failed (the others
    /// ran); each failure is listed on standard error as <c>error: CODE: name: message</c>.
    /// </summary>
    public const int AppliedWithFailures = 10;

    /// <summary>The user interrupted the command (Ctrl+C); a create, update or delete may or may not have happened.</summary>
    public const int Cancelled = 130;
}
