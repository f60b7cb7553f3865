namespace Databrain.Client.Benchmarks.Load;

/// <summary>What one bounded round of load achieved.</summary>
internal sealed record RoundResult(string Contestant, int Completed, int Errors, TimeSpan Elapsed, string? FirstError)
{
    public double Throughput => Completed / Elapsed.TotalSeconds;
}
