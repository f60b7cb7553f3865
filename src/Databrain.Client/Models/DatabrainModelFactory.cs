namespace Databrain.Client.Models;

/// <summary>Builds result models, for tests that mock <see cref="DatabrainClient"/>.</summary>
public static class DatabrainModelFactory
{
    /// <summary>A datasource as list returns it.</summary>
    /// <param name="name">The datasource name.</param>
    /// <returns>The summary.</returns>
    public static DatasourceSummary DatasourceSummary(string name) => new(name);

    /// <summary>A page of datasources.</summary>
    /// <param name="pageNumber">The 1-based page number.</param>
    /// <param name="names">The names on the page.</param>
    /// <returns>The page.</returns>
    public static DatasourcePage DatasourcePage(int pageNumber, params IEnumerable<string> names) =>
        new(pageNumber, names.Select(n => new DatasourceSummary(n)).ToArray());

    /// <summary>The answer of a delete.</summary>
    /// <param name="id">The deleted datasource's id.</param>
    /// <param name="message">The server's message.</param>
    /// <returns>The result.</returns>
    public static DeletedDatasource DeletedDatasource(string? id, string? message = "Datasource deleted successfully") => new(id, message);
}
