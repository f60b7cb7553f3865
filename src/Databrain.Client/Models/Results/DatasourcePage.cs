namespace Databrain.Client.Models;

/// <summary>One page of datasources (at most <see cref="PageSize"/>).</summary>
public sealed class DatasourcePage : DatabrainResult
{
    /// <summary>How many datasources DataBrain puts on a full page.</summary>
    public const int PageSize = 10;

    internal DatasourcePage(int pageNumber, IReadOnlyList<DatasourceSummary> items, int status, string? requestId)
        : base(status, requestId)
    {
        PageNumber = pageNumber;
        Items = items;
    }

    /// <summary>The 1-based page number.</summary>
    public int PageNumber { get; }

    /// <summary>The datasources on this page, in the server's order.</summary>
    public IReadOnlyList<DatasourceSummary> Items { get; }

    /// <summary>
    /// Whether this is the last page. DataBrain sends no total, so a page with fewer than
    /// <see cref="PageSize"/> items is the last one; so is a longer one (a server that ignored paging
    /// and sent everything), so paging never loops over the same names.
    /// </summary>
    public bool IsLastPage => Items.Count != PageSize;
}
