namespace Databrain.Emulator;

/// <summary>When a dropped connection is closed, relative to the request's processing.</summary>
public enum ConnectionDropTiming
{
    /// <summary>
    /// The connection is aborted before the request is processed: nothing changes, and no answer is sent. From the
    /// caller's side this looks exactly like <see cref="AfterProcessing"/>.
    /// </summary>
    BeforeProcessing,

    /// <summary>
    /// The request is processed in full (a create creates, a delete deletes), then the connection is aborted before
    /// any byte of the answer is sent: the caller sees no status line.
    /// </summary>
    AfterProcessing,
}
