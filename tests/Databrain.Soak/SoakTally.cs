using System.Collections.Concurrent;
using Databrain.Client;

namespace Databrain.Soak;

/// <summary>What the workers saw, counted as they go. Thread-safe.</summary>
internal sealed class SoakTally
{
    public const string Success = "ok";

    private readonly ConcurrentDictionary<(DatabrainOperation Operation, string Outcome), int> _outcomes = new();
    private readonly ConcurrentQueue<UnknownOutcome> _unknowns = new();
    private readonly ConcurrentQueue<Contradiction> _contradictions = new();
    private readonly ConcurrentQueue<string> _foreign = new();
    private readonly ConcurrentQueue<string> _leftBehind = new();

    public IReadOnlyDictionary<(DatabrainOperation Operation, string Outcome), int> Outcomes => _outcomes;

    public IReadOnlyCollection<UnknownOutcome> Unknowns => _unknowns;

    public IReadOnlyCollection<Contradiction> Contradictions => _contradictions;

    public IReadOnlyCollection<string> Foreign => _foreign;

    public IReadOnlyCollection<string> LeftBehind => _leftBehind;

    public void Count(DatabrainOperation operation, string outcome) => _outcomes.AddOrUpdate((operation, outcome), 1, (_, count) => count + 1);

    public void Unknown(UnknownOutcome unknown)
    {
        Count(unknown.Operation, OutcomeName(unknown.Reported));
        _unknowns.Enqueue(unknown);
    }

    public void Contradicted(Contradiction contradiction) => _contradictions.Enqueue(contradiction);

    public void ForeignException(DatabrainOperation operation, Exception exception)
    {
        Count(operation, "foreign: " + exception.GetType().FullName);
        _foreign.Enqueue($"{operation.ToString().ToLowerInvariant()}: {Describe(exception)}");
    }

    public void Left(string name) => _leftBehind.Enqueue(name);

    public static string OutcomeName(bool? reported) =>
        $"{nameof(DatabrainOutcomeUnknownException)} ({reported?.ToString().ToLowerInvariant() ?? "null"})";

    /// <summary>The exception and its inner ones, types and messages, on one line.</summary>
    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null && parts.Count < 8; current = current.InnerException)
        {
            parts.Add($"{current.GetType().FullName}: {current.Message}");
        }

        return string.Join(" ---> ", parts);
    }
}
