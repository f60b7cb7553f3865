using System.Globalization;
using System.Text;
using Databrain.Client;

namespace Databrain.Cli;

/// <summary>
/// Turns whatever a command threw into the exit code and the <c>error: CODE: message</c> the user sees.
/// Maps on the SDK's exception types (which it derived from the server's code, then the HTTP status),
/// never on message text; <see cref="SdkExceptionTable"/> says what each type prints and exits with.
/// </summary>
internal static class FailureMapper
{
    public static CliError Map(Exception exception) => exception switch
    {
        CliFailure failure => failure.Error,
        DatabrainException sdk => FromSdk(sdk),
        OperationCanceledException => new CliError(
            ExitCodes.Cancelled, CliErrorCodes.Cancelled, "interrupted; a create, update or delete may or may not have been applied."),
        // The SDK's argument checks (an empty name or id): the command line was wrong.
        ArgumentException argument => new CliError(ExitCodes.InvalidInput, CliErrorCodes.Usage, argument.Message),
        _ => new CliError(ExitCodes.Unexpected, CliErrorCodes.Internal, $"{exception.GetType().Name}: {exception.Message}"),
    };

    /// <summary>The exit code for an error answer, by the SDK's exception type (<see cref="SdkExceptionTable"/>).</summary>
    public static int ExitCodeOf(DatabrainApiException exception) => SdkExceptionTable.Find(exception).ExitCode;

    // Codes and exit codes come from the table; only the details differ by kind.
    private static CliError FromSdk(DatabrainException exception)
    {
        var (exitCode, code) = SdkExceptionTable.Find(exception);
        return exception switch
        {
            DatabrainValidationException validation => Validation(validation, exitCode, code!),
            DatabrainApiException api => Api(api, exitCode),
            _ => new CliError(exitCode, code!, exception.Message),
        };
    }

    private static CliError Validation(DatabrainValidationException exception, int exitCode, string code)
    {
        var noun = exception.Problems.Count == 1 ? "problem" : "problems";
        return new CliError(
            exitCode,
            code,
            $"the request is invalid ({exception.Problems.Count} {noun}); nothing was sent.",
            [.. exception.Problems.Select(problem => problem.ToString())]);
    }

    private static CliError Api(DatabrainApiException exception, int exitCode)
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

        return new CliError(exitCode, code, message, [detail.ToString()]);
    }
}
