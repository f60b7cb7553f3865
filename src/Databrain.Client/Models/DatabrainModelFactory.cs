namespace Databrain.Client.Models;

/// <summary>Builds result models, for tests that mock <see cref="DatabrainClient"/>.</summary>
public static class DatabrainModelFactory
{
    /// <summary>A datasource as list returns it.</summary>
    /// <param name="name">The datasource name.</param>
    /// <param name="id">The datasource's id, when the answer carried one.</param>
    /// <returns>The summary.</returns>
    public static DatasourceSummary DatasourceSummary(string name, string? id = null) => new(name, id);

    /// <summary>A page of datasources.</summary>
    /// <param name="pageNumber">The 1-based page number.</param>
    /// <param name="names">The names on the page.</param>
    /// <param name="requestId">The response's request id, if any.</param>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The page.</returns>
    public static DatasourcePage DatasourcePage(int pageNumber, IEnumerable<string> names, string? requestId = null, int status = 200) =>
        new(pageNumber, names.Select(n => new DatasourceSummary(n)).ToArray(), status, requestId);

    /// <summary>The answer of a create.</summary>
    /// <param name="name">The datasource's name.</param>
    /// <param name="requestId">The response's request id, if any.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="id">The datasource's id, when the answer carried one.</param>
    /// <returns>The result.</returns>
    public static CreateDatasourceResult CreateDatasourceResult(string name, string? requestId = null, int status = 200, string? id = null) =>
        new(name, id, status, requestId);

    /// <summary>The answer of an update.</summary>
    /// <param name="name">The datasource's name.</param>
    /// <param name="requestId">The response's request id, if any.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="id">The datasource's id, when the answer carried one.</param>
    /// <returns>The result.</returns>
    public static UpdateDatasourceResult UpdateDatasourceResult(string name, string? requestId = null, int status = 200, string? id = null) =>
        new(name, id, status, requestId);

    /// <summary>The answer of a delete.</summary>
    /// <param name="name">The deleted datasource's name.</param>
    /// <param name="id">The deleted datasource's id.</param>
    /// <param name="message">The server's message.</param>
    /// <param name="requestId">The response's request id, if any.</param>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The result.</returns>
    public static DeleteDatasourceResult DeleteDatasourceResult(
        string name, string? id, string? message = "Datasource deleted successfully", string? requestId = null, int status = 200) =>
        new(name, id, message, status, requestId);

    /// <summary>The answer of a sync.</summary>
    /// <param name="datasourceId">The synced datasource's id.</param>
    /// <param name="message">The server's message.</param>
    /// <param name="requestId">The response's request id, if any.</param>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The result.</returns>
    public static SyncDatasourceResult SyncDatasourceResult(
        string datasourceId, string? message = "Sync completed", string? requestId = null, int status = 200) =>
        new(datasourceId, message, status, requestId);
}
