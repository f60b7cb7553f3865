namespace Databrain.Client.Pipeline;

/// <summary>
/// The call's own deadline passed: during an attempt (which may then have reached the server), or between attempts
/// (nothing in flight). Never retried; the call runner turns it into a <see cref="DatabrainTimeoutException"/>.
/// </summary>
internal sealed class CallDeadlineException(bool inFlight) : Exception("The call's deadline passed.")
{
    /// <summary>Whether an attempt was under way when the deadline passed.</summary>
    public bool InFlight { get; } = inFlight;
}
