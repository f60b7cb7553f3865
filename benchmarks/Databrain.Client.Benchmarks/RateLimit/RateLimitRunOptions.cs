using System.Globalization;

namespace Databrain.Client.Benchmarks.RateLimit;

/// <summary>
/// The rate-limit run's knobs: <c>--permits N</c> and <c>--window SECONDS</c> (both sides' limit), <c>--multiple M</c>
/// (a set of M × N new datasources), <c>--concurrency C</c> (steps of the apply at a time).
/// </summary>
internal sealed record RateLimitRunOptions(int Permits, TimeSpan Window, int Multiple, int Concurrency)
{
    /// <summary>The most the elapsed time may exceed the least the limit allows.</summary>
    public const double MaxRatio = 1.1;

    public int Creates => Permits * Multiple;

    public static RateLimitRunOptions Parse(IReadOnlyList<string> args)
    {
        var options = new RateLimitRunOptions(Permits: 20, Window: TimeSpan.FromSeconds(2), Multiple: 5, Concurrency: 8);
        if (args.Count % 2 != 0)
        {
            throw new ArgumentException($"Option {args[^1]} needs a value.");
        }

        for (var i = 0; i < args.Count; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--permits" => options with { Permits = Positive(value) },
                "--window" => options with { Window = TimeSpan.FromSeconds(PositiveSeconds(value)) },
                "--multiple" => options with { Multiple = Positive(value) },
                "--concurrency" => options with { Concurrency = Positive(value) },
                _ => throw new ArgumentException($"Unknown ratelimit option {args[i]} {value}. Use --permits N --window SECONDS --multiple M --concurrency C."),
            };
        }

        return options;
    }

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"Not a positive number: {value}");

    private static double PositiveSeconds(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0.01
            ? seconds
            : throw new ArgumentException($"Not a window of at least 0.01 seconds: {value}");
}
