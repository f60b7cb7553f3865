namespace Databrain.Client.Models;

/// <summary>
/// What every successful call returns besides its value: the response's HTTP status and request id, so a caller
/// can quote the request to DataBrain support. Derived types add what the operation's answer carried.
/// </summary>
public abstract class DatabrainResult
{
    private protected DatabrainResult(int status, string? requestId)
    {
        Status = status;
        RequestId = requestId;
    }

    /// <summary>The HTTP status of the answer (a 2xx).</summary>
    public int Status { get; }

    /// <summary>The response's request id header (<c>x-request-id</c> or a known alias), if the server sent one.</summary>
    public string? RequestId { get; }
}
