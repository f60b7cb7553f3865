namespace Databrain.Cli;

/// <summary>
/// The codes printed in <c>error: CODE: message</c> for failures found on this side of the wire. Errors
/// the server answered keep the server's own code (for example <c>DATASOURCE_NAME_ERROR</c>).
/// </summary>
internal static class CliErrorCodes
{
    /// <summary>The command line itself is wrong: unknown command or option, missing or malformed value.</summary>
    public const string Usage = "USAGE";

    /// <summary>An input file (or standard input) could not be read, or is not JSON (the message says the line and column).</summary>
    public const string InputError = "INPUT_ERROR";

    /// <summary>The credentials or tenancy settings are invalid; every problem follows on its own line.</summary>
    public const string ValidationError = "VALIDATION_ERROR";

    /// <summary>Neither <c>DATABRAIN_SERVICE_TOKEN</c> nor <c>--token-file</c> gave a token.</summary>
    public const string MissingToken = "MISSING_TOKEN";

    /// <summary>No answer arrived: refused, reset, or the host did not resolve.</summary>
    public const string ConnectionError = "CONNECTION_ERROR";

    /// <summary>The call did not complete within the SDK's timeout.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>A create or delete may or may not have happened: it may have reached DataBrain, but no answer came.</summary>
    public const string OutcomeUnknown = "OUTCOME_UNKNOWN";

    /// <summary>The SDK's circuit breaker is open after repeated failures; nothing was sent.</summary>
    public const string CircuitOpen = "CIRCUIT_OPEN";

    /// <summary>DataBrain answered with a success status, but the body was not what the command reads (a list page without its names).</summary>
    public const string MalformedResponse = "MALFORMED_RESPONSE";

    /// <summary>No answer, for an SDK failure this tool has no special name for.</summary>
    public const string NoAnswer = "NO_ANSWER";

    /// <summary>The user interrupted the command.</summary>
    public const string Cancelled = "CANCELLED";

    /// <summary>A failure the tool did not expect.</summary>
    public const string Internal = "INTERNAL_ERROR";

    /// <summary>The prefix of the code shown when the server answered an error without a code: <c>HTTP_502</c>.</summary>
    public const string HttpPrefix = "HTTP_";
}
