using System.Globalization;

namespace Databrain.Soak;

/// <summary>
/// What a soak run does: how many workers share the client, how many create → update → delete cycles they run in
/// all, the seed of every fault schedule, the time limit, and the fault rates per request of each operation.
/// </summary>
/// <param name="Workers">Concurrent workers sharing one client.</param>
/// <param name="Cycles">Cycles in all (each on its own datasource name).</param>
/// <param name="Seed">Seeds the fault schedules and the workers' choices.</param>
/// <param name="MaxDuration">After this the run stops and fails.</param>
/// <param name="ServiceUnavailableRate">Share of requests answered <c>503</c>.</param>
/// <param name="RateLimitedRate">Share of requests answered <c>429</c> with <c>Retry-After: 0</c>.</param>
/// <param name="DropBeforeRate">Share of requests whose connection is aborted before they are processed.</param>
/// <param name="DropAfterRate">Share of requests processed, then aborted without an answer.</param>
/// <param name="LatencyJitter">Each request waits a random time below this before it is handled.</param>
public sealed record SoakOptions(
    int Workers = 32,
    int Cycles = 1_000,
    int Seed = 1,
    TimeSpan? MaxDuration = null,
    double ServiceUnavailableRate = 0.06,
    double RateLimitedRate = 0.04,
    double DropBeforeRate = 0.02,
    double DropAfterRate = 0.04,
    TimeSpan? LatencyJitter = null)
{
    /// <summary>The usage line of the command.</summary>
    public const string Usage =
        "soak [--workers N] [--cycles N] [--seed N] [--minutes N] [--unavailable P] [--rate-limited P] [--drop-before P] [--drop-after P] [--jitter-ms N]";

    /// <summary>The time limit: 5 minutes unless set.</summary>
    public TimeSpan Limit => MaxDuration ?? TimeSpan.FromMinutes(5);

    /// <summary>The latency jitter: below 15 ms unless set.</summary>
    public TimeSpan Jitter => LatencyJitter ?? TimeSpan.FromMilliseconds(15);

    /// <summary>Reads <c>--name value</c> pairs; anything unknown throws <see cref="ArgumentException"/>.</summary>
    /// <param name="args">The command's arguments after <c>soak</c>.</param>
    /// <returns>The options.</returns>
    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count % 2 != 0)
        {
            throw new ArgumentException($"Option {args[^1]} needs a value. Usage: {Usage}");
        }

        var options = new SoakOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--workers" => options with { Workers = Positive(value) },
                "--cycles" => options with { Cycles = Positive(value) },
                "--seed" => options with { Seed = Integer(value) },
                "--minutes" => options with { MaxDuration = TimeSpan.FromMinutes(Positive(value)) },
                "--unavailable" => options with { ServiceUnavailableRate = Rate(value) },
                "--rate-limited" => options with { RateLimitedRate = Rate(value) },
                "--drop-before" => options with { DropBeforeRate = Rate(value) },
                "--drop-after" => options with { DropAfterRate = Rate(value) },
                "--jitter-ms" => options with { LatencyJitter = TimeSpan.FromMilliseconds(NonNegative(value)) },
                _ => throw new ArgumentException($"Unknown soak option {args[i]}. Usage: {Usage}"),
            };
        }

        return options;
    }

    /// <summary>One line: every knob of the run.</summary>
    /// <returns>The description.</returns>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Workers} workers, {Cycles:N0} cycles, seed {Seed}, limit {Limit.TotalMinutes:0.#} min; per request: " +
        $"503 {ServiceUnavailableRate:0.#%}, 429 (Retry-After: 0) {RateLimitedRate:0.#%}, dropped before processing {DropBeforeRate:0.#%}, " +
        $"dropped after processing {DropAfterRate:0.#%}, latency 0-{Jitter.TotalMilliseconds:0} ms");

    private static int Integer(string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"Not an integer: {value}");

    private static int Positive(string value) =>
        Integer(value) is var number and > 0 ? number : throw new ArgumentException($"Not a positive number: {value}");

    private static int NonNegative(string value) =>
        Integer(value) is var number and >= 0 ? number : throw new ArgumentException($"Not a number of at least 0: {value}");

    private static double Rate(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1
            ? rate
            : throw new ArgumentException($"Not a rate from 0 to 1: {value}");
}
