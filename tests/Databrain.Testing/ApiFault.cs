namespace Databrain.Testing;

/// <summary>
/// A broken but complete answer, as WireMock's faults of the same names make it: the status and headers are
/// right, the body is not. The connection stays intact (a reset or a cut-off needs a raw server).
/// </summary>
public enum ApiFault
{
    None,

    /// <summary>No body at all, whatever the reply says.</summary>
    EmptyResponse,

    /// <summary>The first half of the body, then bytes that are not part of it.</summary>
    MalformedResponseChunk,
}
