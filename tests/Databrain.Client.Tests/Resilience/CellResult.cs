
namespace Databrain.Client.Tests.Resilience;

/// <summary>What happened when one operation met one fault.</summary>
public sealed record CellResult(
    Fault Fault,
    DatabrainOperation Operation,
    string? Result,
    Exception? Exception,
    TimeSpan Elapsed,
    IReadOnlyList<ServerExchange> OperationRequests,
    IReadOnlyList<ServerExchange> OtherRequests,
    IReadOnlyList<TimeSpan> RetryDelays)
{
    public override string ToString() =>
        $"{Operation} × {Fault.Name}: {Result ?? Exception?.GetType().Name}, requests [{string.Join(", ", OperationRequests)}]";
}
