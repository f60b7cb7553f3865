using System.Net;

namespace Databrain.Client.Transport;

/// <summary>
/// The status line and headers arrived, then the connection failed before the body was complete. Thrown inside the
/// attempt (so the retry rules see it, keyed on the status that did arrive); the call runner turns it into a public
/// exception or result and never lets it escape.
/// </summary>
// The status is a property of its own, not HttpRequestException.StatusCode, which .NET Framework does not have.
internal sealed class IncompleteResponseException(HttpStatusCode status, string? requestId, Exception innerException)
    : HttpRequestException($"The HTTP {(int)status} response ended before its body was complete.", innerException)
{
    /// <summary>The status that arrived before the body was cut off.</summary>
    public int Status { get; } = (int)status;

    /// <summary>The request id header of the answer that was cut off, if it had one.</summary>
    public string? RequestId { get; } = requestId;
}
