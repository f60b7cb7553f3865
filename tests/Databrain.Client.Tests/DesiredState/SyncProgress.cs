namespace Databrain.Client.Tests.DesiredState;

/// <summary>An <see cref="IProgress{T}"/> that runs its handler on the reporting thread (<see cref="Progress{T}"/> posts it later).</summary>
public sealed class SyncProgress<T>(Action<T> onReport) : IProgress<T>
{
    public void Report(T value) => onReport(value);
}
