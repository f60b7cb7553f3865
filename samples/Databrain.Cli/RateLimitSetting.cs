using System.Globalization;

namespace Databrain.Cli;

/// <summary>
/// The value of <c>--rate-limit N/SECONDS</c>: at most <paramref name="Permits"/> requests in any
/// <paramref name="Window"/>, for example <c>500/120</c> (a self-hosted DataBrain's default limit).
/// </summary>
internal sealed record RateLimitSetting(int Permits, TimeSpan Window)
{
    public const string Format = "n/seconds";

    private static readonly TimeSpan MinimumWindow = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaximumWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// Reads <c>N/SECONDS</c>: a whole number of requests, 1 or more, over a number of seconds (<c>10/1.5</c> too) within
    /// what <see cref="Databrain.Client.DatabrainRateLimitOptions.Window"/> takes: 10 milliseconds to one day.
    /// </summary>
    public static bool TryParse(string text, out RateLimitSetting? setting)
    {
        setting = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var permits)
            || permits < 1
            || !double.TryParse(text.AsSpan(slash + 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || seconds < MinimumWindow.TotalSeconds
            || seconds > MaximumWindow.TotalSeconds)
        {
            return false;
        }

        setting = new RateLimitSetting(permits, TimeSpan.FromSeconds(seconds));
        return true;
    }

    /// <summary>For example <c>500/120</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Permits}/{Window.TotalSeconds}");
}
