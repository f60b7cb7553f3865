using System.Text;

namespace Databrain.Client.Benchmarks.Canned;

/// <summary>
/// The datasource API's answers, computed once: every contestant (and the load run's Kestrel stub) is
/// routed here by method and query, so all of them read the same bytes.
/// </summary>
internal static class CannedResponses
{
    public const string Path = "/api/v2/datasource";
    public const string DatasourceName = "bench-postgres";
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>How many datasources the paging benchmark walks through: 100 full pages and a final empty one.</summary>
    public const int ListedDatasources = 1_000;

    public const int PageSize = 10;

    public static readonly CannedAnswer Created = Ok($$"""{"name":"{{DatasourceName}}"}""");

    public static readonly CannedAnswer Deleted =
        Ok("""{"id":"5b0b7c1e-6c8f-4f4e-9a55-0d2b1f3c9e71","message":"Datasource deleted successfully"}""");

    public static readonly CannedAnswer NameConflict = new(
        400,
        Encoding.UTF8.GetBytes(
            $$$"""{"error":{"code":"DATASOURCE_NAME_ERROR","message":"A datasource named {{{DatasourceName}}} already exists","status":400}}"""));

    public static readonly CannedAnswer NotFound = new(404, Encoding.UTF8.GetBytes("""{"error":{"code":"NOT_FOUND","message":"no such route"}}"""));

    // Page n (1-based) of 1,000 names; page 101 and beyond are empty, which ends paging.
    private static readonly CannedAnswer[] Pages = BuildPages();
    private static readonly CannedAnswer EmptyPage = Ok("""{"data":[]}""");

    /// <summary>The answer to <paramref name="method"/> on the datasource path with this query string.</summary>
    /// <param name="method">The HTTP method, as on the wire (<c>POST</c>, ...).</param>
    /// <param name="path">The request path.</param>
    /// <param name="query">The query string, with or without its leading <c>?</c>.</param>
    /// <param name="conflictOnCreate">Whether a create answers 400 <c>DATASOURCE_NAME_ERROR</c> instead of 200.</param>
    /// <returns>The canned answer.</returns>
    public static CannedAnswer Answer(string method, ReadOnlySpan<char> path, ReadOnlySpan<char> query, bool conflictOnCreate)
    {
        if (!path.SequenceEqual(Path))
        {
            return NotFound;
        }

        return method switch
        {
            "POST" => conflictOnCreate ? NameConflict : Created,
            "PUT" => Created,
            "GET" => Page(PageNumber(query)),
            "DELETE" => Deleted,
            _ => NotFound,
        };
    }

    public static CannedAnswer Page(int pageNumber) =>
        pageNumber >= 1 && pageNumber <= Pages.Length ? Pages[pageNumber - 1] : EmptyPage;

    // "...pageNumber=12&..." -> 12; a missing or malformed number reads as page 1 (the API's default).
    private static int PageNumber(ReadOnlySpan<char> query)
    {
        const string key = "pageNumber=";
        var start = query.IndexOf(key, StringComparison.Ordinal);
        if (start < 0)
        {
            return 1;
        }

        var value = query[(start + key.Length)..];
        var end = value.IndexOf('&');
        return int.TryParse(end < 0 ? value : value[..end], out var page) ? page : 1;
    }

    private static CannedAnswer[] BuildPages()
    {
        var pages = new CannedAnswer[ListedDatasources / PageSize];
        for (var p = 0; p < pages.Length; p++)
        {
            var json = new StringBuilder("""{"data":[""");
            for (var i = 0; i < PageSize; i++)
            {
                json.Append(i == 0 ? "" : ",").Append("""{"name":"datasource-""").Append(p * PageSize + i + 1).Append("\"}");
            }

            pages[p] = Ok(json.Append("]}").ToString());
        }

        return pages;
    }

    private static CannedAnswer Ok(string json) => new(200, Encoding.UTF8.GetBytes(json));
}
