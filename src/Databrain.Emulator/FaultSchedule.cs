using System.Globalization;

namespace Databrain.Emulator;

/// <summary>
/// Which requests a per-operation knob hits: the next N that reach it, or each one with a probability drawn from a
/// seeded generator. Immutable; each knob it is given to keeps its own count or generator.
/// </summary>
/// <remarks>
/// With a probability, the n-th request that reaches the knob is hit when the n-th draw of
/// <c>new Random(seed)</c> is below the probability: the same seed and the same sequence of requests give the same
/// hits. Under concurrency the order in which requests reach the knob may vary; the sequence of hits does not.
/// </remarks>
public sealed class FaultSchedule
{
    private FaultSchedule(int? count, double? probability, int? seed)
    {
        Count = count;
        Probability = probability;
        Seed = seed;
    }

    /// <summary>How many requests are hit, when this is a count; otherwise <see langword="null"/>.</summary>
    public int? Count { get; }

    /// <summary>The probability that a request is hit, when this is a probability; otherwise <see langword="null"/>.</summary>
    public double? Probability { get; }

    /// <summary>The generator's seed, when this is a probability; otherwise <see langword="null"/>.</summary>
    public int? Seed { get; }

    /// <summary>Hits the next <paramref name="count"/> requests that reach the knob, then none.</summary>
    /// <param name="count">How many (at least 1).</param>
    /// <returns>The schedule.</returns>
    public static FaultSchedule Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new FaultSchedule(count, null, null);
    }

    /// <summary>Hits each request that reaches the knob with <paramref name="probability"/>, drawn from <c>new Random(seed)</c>.</summary>
    /// <param name="probability">From 0 (never) to 1 (always).</param>
    /// <param name="seed">The generator's seed.</param>
    /// <returns>The schedule.</returns>
    public static FaultSchedule WithProbability(double probability, int seed)
    {
        if (double.IsNaN(probability) || probability < 0 || probability > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must be from 0 to 1.");
        }

        return new FaultSchedule(null, probability, seed);
    }

    /// <summary>For example <c>next 3</c> or <c>p=0.04 seed=1</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Count is { } count
        ? string.Create(CultureInfo.InvariantCulture, $"next {count}")
        : string.Create(CultureInfo.InvariantCulture, $"p={Probability} seed={Seed}");
}
