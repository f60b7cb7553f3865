using System.Globalization;
using Databrain.Client.Models;

namespace Databrain.Client.Validation;

/// <summary>
/// "Did you mean ...?" for wire input: which known field names or datasource types a misspelt one is close to.
/// Closeness is the Damerau–Levenshtein distance (optimal string alignment: an insertion, a deletion, a
/// substitution or a swap of two neighbours each count 1) between the two names in lower case, so a
/// difference of case alone (<c>sslmode</c> for <c>sslMode</c>) is the closest miss of all.
/// </summary>
/// <remarks>
/// The two rules differ on purpose. An unknown field is an error anyway, so its suggestion only has to help:
/// it is generous. An unknown datasource type is the escape hatch for types this SDK does not know yet, so
/// calling one a typo refuses a request: that rule is tight, and a genuinely new type (<c>cockroachdb</c>) stays
/// far from every known one.
/// </remarks>
internal static class NearMiss
{
    /// <summary>The shortest name that counts as a prefix miss (<c>user</c> for <c>username</c>).</summary>
    public const int MinimumPrefixLength = 4;

    /// <summary>
    /// The known field names <paramref name="unknown"/> is closest to, in <paramref name="known"/>'s order; empty when
    /// none is close. Close means: at most <c>max(1, length / 3)</c> edits (length of the unknown name, so one edit
    /// up to 5 characters, two up to 8, ...), or, failing any such, one name starting with the other where the
    /// shorter has at least <see cref="MinimumPrefixLength"/> characters (<c>user</c> and <c>username</c>,
    /// <c>hostname</c> and <c>host</c>). Every name at the smallest distance is returned.
    /// </summary>
    public static IReadOnlyList<string> Fields(string unknown, IEnumerable<string> known)
    {
        var typed = Lower(unknown);
        var maxEdits = Math.Max(1, typed.Length / 3);
        var best = new List<string>();
        var bestScore = int.MaxValue;
        foreach (var name in known)
        {
            var candidate = Lower(name);
            var distance = Distance(typed, candidate);
            // A prefix miss ranks after every edit-distance miss.
            var score = distance <= maxEdits ? distance : IsPrefixMiss(typed, candidate) ? maxEdits + 1 : int.MaxValue;
            Keep(best, ref bestScore, name, score);
        }

        return best;
    }

    /// <summary>
    /// The documented types <paramref name="type"/> is a misspelling of, in table order; empty when it is documented
    /// itself or when no documented type is close. Both are compared trimmed and in lower case; close means at most
    /// 0 edits when the shorter of the two has under 4 characters, 1 edit from 4 characters, 2 from 8
    /// (<c>postgress</c>, <c>postgresql</c>, <c>"Postgres "</c>, <c>big query</c> are misses; <c>tsv</c>,
    /// <c>postgis</c>, <c>mongo</c>, <c>cockroachdb</c> are not).
    /// </summary>
    public static IReadOnlyList<DatasourceType> Types(DatasourceType type)
    {
        var typed = Lower(type.Value.Trim());
        if (typed.Length == 0 || DatasourceTypeTable.TryGet(type, out _))
        {
            return [];
        }

        var best = new List<DatasourceType>();
        var bestScore = int.MaxValue;
        foreach (var known in DatasourceTypeTable.Types)
        {
            var candidate = Lower(known.Value);
            var shorter = Math.Min(typed.Length, candidate.Length);
            var maxEdits = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
            var distance = Distance(typed, candidate);
            Keep(best, ref bestScore, known, distance <= maxEdits ? distance : int.MaxValue);
        }

        return best;
    }

    /// <summary><c>"a"</c>, <c>"a" or "b"</c>, <c>"a", "b" or "c"</c>.</summary>
    public static string Quoted(IEnumerable<string> names)
    {
        var quoted = names.Select(name => $"\"{name}\"").ToList();
        return quoted.Count <= 1 ? string.Concat(quoted) : string.Join(", ", quoted.Take(quoted.Count - 1)) + " or " + quoted[^1];
    }

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        // Three rolling rows: the swap looks two rows back.
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    private static bool IsPrefixMiss(string a, string b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= MinimumPrefixLength && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    private static void Keep<T>(List<T> best, ref int bestScore, T candidate, int score)
    {
        if (score == int.MaxValue || score > bestScore)
        {
            return;
        }

        if (score < bestScore)
        {
            best.Clear();
            bestScore = score;
        }

        best.Add(candidate);
    }

    private static string Lower(string text) => text.ToLower(CultureInfo.InvariantCulture);
}
