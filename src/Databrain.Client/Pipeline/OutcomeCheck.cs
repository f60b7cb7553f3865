using Databrain.Client.Models;
using Databrain.Client.Transport;

namespace Databrain.Client.Pipeline;

/// <summary>
/// After a create or delete that got no answer: does a datasource with this exact (case-sensitive) name exist?
/// The API has no get-by-name, so the only read is a paged listing, and other clients may create and delete while it
/// is read. The answer is <see langword="true"/> or <see langword="false"/> only when the listing proves it, and
/// <see langword="null"/> (unknown) otherwise. Nothing is ever written to find out.
/// </summary>
/// <remarks>
/// <para>A name on any page exists: list returns only datasources that exist.</para>
/// <para>
/// "Does not exist" needs a complete pass during which the listing did not shift. A deletion of a datasource listed
/// before the name moves the name back, possibly onto a page already read, so that no page shows it. So each page is
/// read again after the next one: if it changed, something before the boundary was deleted meanwhile, and the pass
/// proves nothing. A pass is started again (at most <see cref="MaxPasses"/>), then the answer is unknown. This holds
/// while new datasources are listed after existing ones (creation order, as DataBrain pages them and the emulator
/// does); a name deleted and created again inside the window could hide a shift.
/// </para>
/// <para>Cost: a listing of <c>P</c> pages takes <c>2P − 1</c> requests a pass (one for a single page).</para>
/// </remarks>
internal static class OutcomeCheck
{
    /// <summary>How many passes a lookup makes before it settles for "unknown".</summary>
    public const int MaxPasses = 3;

    /// <summary>Reads one page's names; a failure or an unreadable page ends the check as unknown.</summary>
    public delegate ValueTask<IReadOnlyList<NameResponse?>> PageReader(int pageNumber, CancellationToken cancellationToken);

    public static async Task<bool?> DatasourceExistsAsync(string name, PageReader readPage, CancellationToken cancellationToken)
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            if (await PassAsync(name, readPage, cancellationToken).ConfigureAwait(false) is { } known)
            {
                return known;
            }
        }

        return null;
    }

    /// <summary>One pass: <see langword="true"/> or <see langword="false"/> when it proves it, <see langword="null"/> when the listing shifted.</summary>
    private static async Task<bool?> PassAsync(string name, PageReader readPage, CancellationToken cancellationToken)
    {
        IReadOnlyList<NameResponse?>? previous = null;
        for (var pageNumber = 1; ; pageNumber++)
        {
            var page = await readPage(pageNumber, cancellationToken).ConfigureAwait(false);
            if (Lists(page, name))
            {
                return true;
            }

            if (previous is not null)
            {
                // The boundary with the page before: unchanged means nothing before it was deleted since it was read.
                var again = await readPage(pageNumber - 1, cancellationToken).ConfigureAwait(false);
                if (Lists(again, name))
                {
                    return true;
                }

                if (!SameNames(previous, again))
                {
                    return null;
                }
            }

            if (page.Count != DatasourcePage.PageSize)
            {
                return false;
            }

            previous = page;
        }
    }

    private static bool Lists(IReadOnlyList<NameResponse?> page, string name)
    {
        foreach (var item in page)
        {
            if (string.Equals(item?.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameNames(IReadOnlyList<NameResponse?> first, IReadOnlyList<NameResponse?> second)
    {
        if (first.Count != second.Count)
        {
            return false;
        }

        for (var i = 0; i < first.Count; i++)
        {
            if (!string.Equals(first[i]?.Name, second[i]?.Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
