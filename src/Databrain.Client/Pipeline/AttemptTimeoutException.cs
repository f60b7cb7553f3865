namespace Databrain.Client.Pipeline;

/// <summary>
/// One attempt took longer than <see cref="DatabrainResilienceOptions.AttemptTimeout"/> (its answer may still have been
/// processed by the server). The retry rules judge it; the call runner turns it into a <see cref="DatabrainTimeoutException"/>.
/// </summary>
internal sealed class AttemptTimeoutException(TimeSpan timeout) : Exception("The attempt timed out.")
{
    public TimeSpan Timeout { get; } = timeout;
}
