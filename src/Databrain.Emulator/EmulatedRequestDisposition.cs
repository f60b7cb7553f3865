namespace Databrain.Emulator;

/// <summary>What the emulator did with one <c>/api</c> request (see <see cref="EmulatedRequest"/>).</summary>
public enum EmulatedRequestDisposition
{
    /// <summary>Processed by its endpoint and answered (with a success or an error).</summary>
    Answered,

    /// <summary>Processed by its endpoint, then the connection was aborted before any byte of the answer was sent.</summary>
    DroppedAfterProcessing,

    /// <summary>Not processed: the connection was aborted first.</summary>
    DroppedBeforeProcessing,

    /// <summary>Not processed: answered with an injected failure.</summary>
    InjectedFailure,

    /// <summary>Not processed: answered <c>429</c> by the rate limit.</summary>
    RateLimited,

    /// <summary>Not processed: answered <c>401</c> for a missing or wrong token.</summary>
    Unauthenticated,
}
