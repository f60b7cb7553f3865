using System.Globalization;
using Databrain.Client;
using Databrain.Emulator;

namespace Databrain.Soak;

/// <summary>The figures of a soak run and its invariants; <see cref="Passed"/> when every invariant held.</summary>
public sealed class SoakReport
{
    private const int Examples = 5;
    private readonly SoakTally _tally;

    internal SoakReport(
        SoakOptions options,
        string sdkVersion,
        TimeSpan duration,
        bool ended,
        bool stopped,
        int completedCycles,
        IReadOnlyList<EmulatedRequest> requests,
        SoakTally tally,
        SocketCount? socketsMidway,
        SocketCount socketsAtEnd,
        IReadOnlyList<string> leftInStore)
    {
        Options = options;
        SdkVersion = sdkVersion;
        Duration = duration;
        Ended = ended;
        Stopped = stopped;
        CompletedCycles = completedCycles;
        _tally = tally;
        SocketsMidway = socketsMidway;
        SocketsAtEnd = socketsAtEnd;
        LeftInStore = leftInStore;

        Requests = requests.Count;
        ProcessedRequests = requests.Count(request => request.IsProcessed);
        Faults = new Dictionary<string, int>
        {
            ["503 injected"] = requests.Count(r => r.Disposition == EmulatedRequestDisposition.InjectedFailure && r.StatusCode == 503),
            ["429 injected (Retry-After: 0)"] = requests.Count(r => r.Disposition == EmulatedRequestDisposition.InjectedFailure && r.StatusCode == 429),
            ["dropped before processing"] = requests.Count(r => r.Disposition == EmulatedRequestDisposition.DroppedBeforeProcessing),
            ["dropped after processing"] = requests.Count(r => r.Disposition == EmulatedRequestDisposition.DroppedAfterProcessing),
        };
        DroppedAfterProcessingByOperation = requests
            .Where(r => r.Disposition == EmulatedRequestDisposition.DroppedAfterProcessing)
            .GroupBy(r => r.Operation)
            .ToDictionary(group => group.Key, group => group.Count());
        DuplicateCreates = ProcessedTwice(requests, EmulatorOperation.Create);
        DuplicateDeletes = ProcessedTwice(requests, EmulatorOperation.Delete);
        Outcomes = tally.Outcomes.ToDictionary(pair => pair.Key, pair => pair.Value);
        UnknownOutcomes = [.. tally.Unknowns];
        Contradictions = [.. tally.Contradictions];
        ForeignExceptions = [.. tally.Foreign];
        LeftBehind = [.. tally.LeftBehind];
        Invariants = BuildInvariants();
    }

    /// <summary>What was run.</summary>
    public SoakOptions Options { get; }

    /// <summary>The SDK's informational version (with the commit when the build stamped one).</summary>
    public string SdkVersion { get; }

    /// <summary>From the first worker's start to the last one's end.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Every worker finished (false: a hang, still running after the limit and a grace period).</summary>
    public bool Ended { get; }

    /// <summary>The limit (or the caller) stopped the run.</summary>
    public bool Stopped { get; }

    /// <summary>Cycles that ran to their end.</summary>
    public int CompletedCycles { get; }

    /// <summary><c>/api</c> requests the emulator saw (retries and the outcome lookups' lists included).</summary>
    public int Requests { get; }

    /// <summary>Of those, the ones its endpoints processed.</summary>
    public int ProcessedRequests { get; }

    /// <summary>Faults the emulator injected, per kind.</summary>
    public IReadOnlyDictionary<string, int> Faults { get; }

    /// <summary>Requests processed and then dropped, per operation.</summary>
    public IReadOnlyDictionary<EmulatorOperation, int> DroppedAfterProcessingByOperation { get; }

    /// <summary>Calls per operation and outcome: <c>ok</c>, an exception type, or an outcome-unknown answer.</summary>
    public IReadOnlyDictionary<(DatabrainOperation Operation, string Outcome), int> Outcomes { get; }

    /// <summary>Every outcome-unknown exception, with what the emulator held at the time.</summary>
    public IReadOnlyList<UnknownOutcome> UnknownOutcomes { get; }

    /// <summary>Outcome-unknown answers of true or false that the emulator's state contradicted.</summary>
    public int WrongAnswers => UnknownOutcomes.Count(unknown => unknown.IsWrong);

    /// <summary>Definite answers (success or an ordinary failure) of a create or delete that the emulator's state contradicted.</summary>
    public IReadOnlyList<Contradiction> Contradictions { get; }

    /// <summary>Names whose create the emulator processed more than once.</summary>
    public IReadOnlyList<string> DuplicateCreates { get; }

    /// <summary>Names whose delete the emulator processed more than once.</summary>
    public IReadOnlyList<string> DuplicateDeletes { get; }

    /// <summary>Exceptions that escaped but are not the SDK's (or carried a Polly or Refit type), described.</summary>
    public IReadOnlyList<string> ForeignExceptions { get; }

    /// <summary>Names still there after a cycle's last delete.</summary>
    public IReadOnlyList<string> LeftBehind { get; }

    /// <summary>Datasources in the emulator at the end.</summary>
    public IReadOnlyList<string> LeftInStore { get; }

    /// <summary>The client's sockets to the emulator when half the cycles were done.</summary>
    public SocketCount? SocketsMidway { get; }

    /// <summary>The client's sockets to the emulator at the end, before anything was disposed.</summary>
    public SocketCount SocketsAtEnd { get; }

    /// <summary>What must hold, each with its figure.</summary>
    public IReadOnlyList<SoakInvariant> Invariants { get; }

    /// <summary>Every invariant held.</summary>
    public bool Passed => Invariants.All(invariant => invariant.Holds);

    /// <summary>Writes the figures and the invariants as Markdown tables.</summary>
    /// <param name="output">Where to write.</param>
    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var unknowns = UnknownOutcomes;
        Line(output, $"soak: {Options.Describe()}");
        Line(output, $"SDK {SdkVersion}");
        output.WriteLine();
        output.WriteLine("| figure | value |");
        output.WriteLine("| --- | ---: |");
        Line(output, $"| cycles completed | {CompletedCycles:N0} of {Options.Cycles:N0} |");
        Line(output, $"| duration | {Duration.TotalSeconds:N1} s |");
        Line(output, $"| requests the emulator saw | {Requests:N0} ({ProcessedRequests:N0} processed) |");
        foreach (var (kind, count) in Faults)
        {
            Line(output, $"| {kind} | {count:N0} |");
        }

        Line(output, $"| dropped after processing, per operation | {string.Join(", ", DroppedAfterProcessingByOperation.OrderBy(p => p.Key).Select(p => $"{p.Key.ToString().ToLowerInvariant()} {p.Value}"))} |");
        foreach (var operation in new[] { DatabrainOperation.Create, DatabrainOperation.Delete })
        {
            var mine = unknowns.Where(u => u.Operation == operation).ToList();
            Line(output,
                $"| {operation.ToString().ToLowerInvariant()}: outcome unknown, reported true / false / null | {mine.Count(u => u.Reported == true)} / {mine.Count(u => u.Reported == false)} / {mine.Count(u => u.Reported is null)} |");
            Line(output,
                $"| {operation.ToString().ToLowerInvariant()}: wrong answers (true but absent / false but present) | {mine.Count(u => u.IsWrong && u.Reported == true)} / {mine.Count(u => u.IsWrong && u.Reported == false)} |");
        }

        Line(output, $"| wrong answers | {WrongAnswers} |");
        Line(output, $"| creates processed twice (names) | {DuplicateCreates.Count} |");
        Line(output, $"| deletes processed twice (names) | {DuplicateDeletes.Count} |");
        Line(output, $"| definite answers contradicted | {Contradictions.Count} |");
        Line(output, $"| foreign exceptions | {ForeignExceptions.Count} |");
        Line(output, $"| sockets to the emulator, midway / at the end | {SocketsMidway?.ToString() ?? "-"} / {SocketsAtEnd} |");
        output.WriteLine();
        output.WriteLine("| operation | outcome | calls |");
        output.WriteLine("| --- | --- | ---: |");
        foreach (var ((operation, outcome), count) in Outcomes.OrderBy(p => p.Key.Operation).ThenBy(p => p.Key.Outcome == SoakTally.Success ? 0 : 1).ThenBy(p => p.Key.Outcome, StringComparer.Ordinal))
        {
            Line(output, $"| {operation.ToString().ToLowerInvariant()} | {outcome} | {count:N0} |");
        }

        output.WriteLine();
        output.WriteLine("| invariant | figure | result |");
        output.WriteLine("| --- | --- | --- |");
        foreach (var invariant in Invariants)
        {
            Line(output, $"| {invariant.Name} | {invariant.Figure} | {(invariant.Holds ? "holds" : "FAILED")} |");
        }

        WriteExamples(output, "wrong answer", unknowns.Where(u => u.IsWrong).Select(u => u.ToString()));
        WriteExamples(output, "contradiction", Contradictions.Select(c => c.ToString()));
        WriteExamples(output, "create processed twice", DuplicateCreates);
        WriteExamples(output, "delete processed twice", DuplicateDeletes);
        WriteExamples(output, "foreign exception", ForeignExceptions);
        WriteExamples(output, "left behind", LeftBehind.Concat(LeftInStore).Distinct(StringComparer.Ordinal));
        output.WriteLine();
        Line(output, $"soak: {(Passed ? "every invariant holds" : "FAILED: " + string.Join("; ", Invariants.Where(i => !i.Holds).Select(i => i.Name)))}");
    }

    private List<SoakInvariant> BuildInvariants()
    {
        var unknowns = UnknownOutcomes;
        var lookups = unknowns.Count(u => u.Reported is not null);
        return
        [
            new("only the SDK's exceptions escaped (DatabrainException types, no Polly or Refit inside)",
                Text($"{ForeignExceptions.Count} foreign"), ForeignExceptions.Count == 0),
            new("no create processed twice for a name", Text($"{DuplicateCreates.Count} names"), DuplicateCreates.Count == 0),
            new("no delete processed twice for a name", Text($"{DuplicateDeletes.Count} names"), DuplicateDeletes.Count == 0),
            new("every outcome-unknown DatasourceExists matches the emulator (or is null)",
                Text($"{WrongAnswers} wrong of {lookups} answered ({unknowns.Count - lookups} null)"), WrongAnswers == 0),
            new("every definite create/delete answer matches the emulator", Text($"{Contradictions.Count} contradicted"), Contradictions.Count == 0),
            new("the run ended, every cycle within the limit",
                Text($"{CompletedCycles:N0} of {Options.Cycles:N0} cycles in {Duration.TotalSeconds:N1} s (limit {Options.Limit.TotalSeconds:N0} s){(Ended ? string.Empty : ", HUNG")}"),
                Ended && !Stopped && CompletedCycles == Options.Cycles),
            new("sockets did not grow (established at the end <= workers)",
                Text($"{SocketsAtEnd.Established} established at the end, {Options.Workers} workers"), SocketsAtEnd.Established <= Options.Workers),
            new("nothing left behind", Text($"{LeftInStore.Count} datasources in the emulator"), LeftInStore.Count == 0 && LeftBehind.Count == 0),
        ];
    }

    private static IReadOnlyList<string> ProcessedTwice(IReadOnlyList<EmulatedRequest> requests, EmulatorOperation operation) =>
    [
        .. requests
            .Where(r => r.Operation == operation && r.IsProcessed && r.DatasourceName is not null)
            .GroupBy(r => r.DatasourceName!, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .Order(StringComparer.Ordinal),
    ];

    private static void WriteExamples(TextWriter output, string what, IEnumerable<string> items)
    {
        foreach (var item in items.Take(Examples))
        {
            output.WriteLine($"  {what}: {item}");
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(TextWriter output, FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
