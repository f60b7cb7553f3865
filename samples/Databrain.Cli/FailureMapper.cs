using System.Globalization;
using System.Text;
using Databrain.Client;

namespace Databrain.Cli;

/// <summary>
/// Turns whatever a command threw into the exit code and the <c>error: CODE: message</c> the user sees.
/// Maps on the SDK's exception types (which it derived from the server's code, then the HTTP status),
/// never on message text.
/// </summary>
internal static class FailureMapper
{
    public static CliError Map(Exception exception) => exception switch
    {
        CliFailure failure => failure.Error,
        DatabrainValidationException validation => Validation(validation),
        DatabrainApiException api => Api(api),
        DatabrainConnectionException => new CliError(ExitCodes.NoAnswer, CliErrorCodes.ConnectionError, exception.Message),
        DatabrainTimeoutException => new CliError(ExitCodes.NoAnswer, CliErrorCodes.Timeout, exception.Message),
        // Any other SDK failure carries no answer from the server (a call whose outcome is unknown, say):
        // covered here without naming its type, under the code it gives or one made from its type name.
        DatabrainException other => new CliError(ExitCodes.NoAnswer, other.ErrorCode ?? CodeFromTypeName(other.GetType().Name), other.Message),
        OperationCanceledException => new CliError(
            ExitCodes.Cancelled, CliErrorCodes.Cancelled, "interrupted; a create or update may or may not have been applied."),
        // The SDK's argument checks (an empty name or id): the command line was wrong.
        ArgumentException argument => new CliError(ExitCodes.InvalidInput, CliErrorCodes.Usage, argument.Message),
        _ => new CliError(ExitCodes.Unexpected, CliErrorCodes.Internal, $"{exception.GetType().Name}: {exception.Message}"),
    };

    /// <summary>The exit code for an error answer, by the SDK's exception type.</summary>
    public static int ExitCodeOf(DatabrainApiException exception) => exception switch
    {
        DatabrainAuthenticationException => ExitCodes.Authentication,
        DatasourceNotFoundException or InvalidDatasourceIdException => ExitCodes.NotFound,
        DatasourceNameConflictException => ExitCodes.NameConflict,
        CredentialTestFailedException => ExitCodes.CredentialTestFailed,
        DatabrainRateLimitedException => ExitCodes.RateLimited,
        _ => ExitCodes.ApiError,
    };

    private static CliError Validation(DatabrainValidationException exception)
    {
        var noun = exception.Problems.Count == 1 ? "problem" : "problems";
        return new CliError(
            ExitCodes.InvalidInput,
            CliErrorCodes.ValidationError,
            $"the request is invalid ({exception.Problems.Count} {noun}); nothing was sent.",
            [.. exception.Problems.Select(problem => problem.ToString())]);
    }

    private static CliError Api(DatabrainApiException exception)
    {
        var status = exception.Status ?? 0;
        var code = string.IsNullOrWhiteSpace(exception.ErrorCode)
            ? CliErrorCodes.HttpPrefix + status.ToString(CultureInfo.InvariantCulture)
            : exception.ErrorCode;
        var message = string.IsNullOrWhiteSpace(exception.ServerMessage) ? exception.Message : exception.ServerMessage;

        var detail = new StringBuilder("HTTP ").Append(status.ToString(CultureInfo.InvariantCulture));
        if (exception.RequestId is { Length: > 0 } requestId)
        {
            detail.Append(", request id ").Append(requestId);
        }

        if (exception is DatabrainRateLimitedException { RetryAfter: { } retryAfter })
        {
            detail.Append(", retry after ").Append(Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)).Append(" s");
        }

        return new CliError(ExitCodeOf(exception), code, message, [detail.ToString()]);
    }

    /// <summary><c>DatabrainOutcomeUnknownException</c> gives <c>OUTCOME_UNKNOWN</c>.</summary>
    internal static string CodeFromTypeName(string typeName)
    {
        var name = typeName;
        if (name.StartsWith("Databrain", StringComparison.Ordinal))
        {
            name = name["Databrain".Length..];
        }

        if (name.EndsWith("Exception", StringComparison.Ordinal))
        {
            name = name[..^"Exception".Length];
        }

        if (name.Length == 0)
        {
            return CliErrorCodes.NoAnswer;
        }

        var code = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                code.Append('_');
            }

            code.Append(char.ToUpperInvariant(name[i]));
        }

        return code.ToString();
    }
}
