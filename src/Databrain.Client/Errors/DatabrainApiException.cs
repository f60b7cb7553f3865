using System.Net;
using Databrain.Client.Pipeline;

namespace Databrain.Client;

/// <summary>
/// DataBrain answered with an error. <see cref="Status"/>, <see cref="ErrorCode"/>, <see cref="ServerMessage"/>
/// and <see cref="RequestId"/> keep what the server said; a derived type names the cases a caller handles
/// differently (for example <see cref="DatasourceNameConflictException"/>). An unknown code arrives as this type.
/// </summary>
public class DatabrainApiException : DatabrainException
{
    /// <summary>Creates the exception from what the server answered.</summary>
    /// <param name="operation">The operation that failed.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="errorCode">The error <c>code</c> from the body, if any.</param>
    /// <param name="serverMessage">The error message from the body (secrets already masked), if any.</param>
    /// <param name="requestId">The response's request id header, if any.</param>
    public DatabrainApiException(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
        : base(operation, BuildMessage(operation, status, errorCode, serverMessage, requestId))
    {
        Status = status;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        RequestId = requestId;
    }

    /// <summary>The HTTP status of the server's answer.</summary>
    public override int? Status { get; }

    /// <inheritdoc />
    public override string? ErrorCode { get; }

    /// <summary>The error message as the server sent it, with any secret of the request masked.</summary>
    public string? ServerMessage { get; }

    /// <inheritdoc />
    public override string? RequestId { get; }

    private static string BuildMessage(DatabrainOperation operation, int status, string? errorCode, string? serverMessage, string? requestId)
    {
        var reason = Enum.IsDefined(typeof(HttpStatusCode), status) ? $" {(HttpStatusCode)status}" : string.Empty;
        var text = $"DataBrain {operation.Verb()} failed with HTTP {status}{reason}";
        if (errorCode is not null)
        {
            text += $" {errorCode}";
        }

        if (!string.IsNullOrWhiteSpace(serverMessage))
        {
            text += $": {serverMessage}";
        }

        return requestId is null ? text : $"{text} (request id {requestId})";
    }
}
