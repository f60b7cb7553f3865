using Databrain.Client.Pipeline;

namespace Databrain.Client;

/// <summary>
/// DataBrain answered with a success status, but the body was not what the operation returns (for example a list
/// answer with no <c>data</c> array, or an HTML page from a proxy). The call may be retried; nothing about the answer
/// is quoted, since it could hold anything.
/// </summary>
public sealed class DatabrainMalformedResponseException : DatabrainException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation whose answer could not be read.</param>
    /// <param name="status">The HTTP status of the answer.</param>
    /// <param name="requestId">The response's request id header, if any.</param>
    /// <param name="detail">What was wrong with the body, with no part of it quoted.</param>
    public DatabrainMalformedResponseException(DatabrainOperation operation, int status, string? requestId, string detail)
        : base(operation, BuildMessage(operation, status, requestId, detail))
    {
        Status = status;
        RequestId = requestId;
    }

    /// <inheritdoc />
    public override int? Status { get; }

    /// <inheritdoc />
    public override string? RequestId { get; }

    private static string BuildMessage(DatabrainOperation operation, int status, string? requestId, string detail)
    {
        var text = $"DataBrain {operation.Verb()} answered HTTP {status} with a body it could not read: {detail}";
        return requestId is null ? text + "." : $"{text} (request id {requestId}).";
    }
}
