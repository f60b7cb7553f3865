using System.Globalization;

namespace Databrain.Client.Benchmarks.Load;

/// <summary>The load run's knobs: <c>--requests</c>, <c>--concurrency</c>, <c>--rounds</c>, <c>--seconds</c>, <c>--operation</c>.</summary>
internal sealed record LoadOptions(int Requests, int Concurrency, int Rounds, TimeSpan RoundLimit, string Operation)
{
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions(Requests: 50_000, Concurrency: 64, Rounds: 5, RoundLimit: TimeSpan.FromSeconds(30), Operation: "create");
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--requests" => options with { Requests = Positive(value) },
                "--concurrency" => options with { Concurrency = Positive(value) },
                "--rounds" => options with { Rounds = Positive(value) },
                "--seconds" => options with { RoundLimit = TimeSpan.FromSeconds(Positive(value)) },
                "--operation" when value is "create" or "list" => options with { Operation = value },
                _ => throw new ArgumentException($"Unknown load option {args[i]} {value}. Use --requests N --concurrency N --rounds N --seconds N --operation create|list."),
            };
        }

        if (args.Count % 2 != 0)
        {
            throw new ArgumentException($"Option {args[^1]} needs a value.");
        }

        return options;
    }

    private static int Positive(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"Not a positive number: {value}");
}
