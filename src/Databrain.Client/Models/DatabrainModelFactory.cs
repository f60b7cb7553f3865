using Databrain.Client.DesiredState;

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

    /// <summary>The answer of an upsert.</summary>
    /// <param name="action">Whether it created or updated.</param>
    /// <param name="name">The datasource's name.</param>
    /// <param name="requestId">The request id of the call that did it, if any.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="id">The datasource's id, when the answer carried one.</param>
    /// <returns>The result.</returns>
    public static UpsertDatasourceResult UpsertDatasourceResult(
        UpsertAction action, string name, string? requestId = null, int status = 200, string? id = null) =>
        new(action, name, id, status, requestId);

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

    /// <summary>A step of a plan.</summary>
    /// <param name="name">The datasource's name.</param>
    /// <param name="action">What happens to it.</param>
    /// <param name="definition">The desired definition: required for a create or an update (with the same name), none for a delete.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException">The name is blank, or the definition does not fit the action.</exception>
    public static DatasourcePlanStep DatasourcePlanStep(string name, DatasourceAction action, DatasourceDefinition? definition = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (action == DatasourceAction.Delete ? definition is not null : definition?.Name != name)
        {
            throw new ArgumentException(
                "A create or an update needs the definition of the same name; a delete takes none.", nameof(definition));
        }

        return new(name, action, definition);
    }

    /// <summary>A plan.</summary>
    /// <param name="steps">The steps, in the order an apply starts them (deletes run after every other step regardless).</param>
    /// <param name="prunePrefix">The prune prefix the plan was made with, if any.</param>
    /// <returns>The plan.</returns>
    public static DatasourcePlan DatasourcePlan(IEnumerable<DatasourcePlanStep> steps, string? prunePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return new(steps.ToList().AsReadOnly(), prunePrefix);
    }

    /// <summary>How one step of an apply ended.</summary>
    /// <param name="step">The step.</param>
    /// <param name="status">How it ended.</param>
    /// <param name="result">Its answer, when it succeeded.</param>
    /// <param name="exception">Its failure, when it failed or was canceled.</param>
    /// <param name="elapsed">How long it took.</param>
    /// <returns>The outcome.</returns>
    public static DatasourceStepOutcome DatasourceStepOutcome(
        DatasourcePlanStep step, DatasourceStepStatus status, DatabrainResult? result = null, Exception? exception = null, TimeSpan elapsed = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new(step, status, result, exception, elapsed);
    }

    /// <summary>What an apply did.</summary>
    /// <param name="outcomes">One outcome per step, in the plan's order.</param>
    /// <param name="elapsed">How long the apply took.</param>
    /// <param name="wasCanceled">Whether it was canceled before every step had run.</param>
    /// <returns>The result.</returns>
    public static DatasourceApplyResult DatasourceApplyResult(IEnumerable<DatasourceStepOutcome> outcomes, TimeSpan elapsed = default, bool wasCanceled = false)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return new(outcomes.ToList().AsReadOnly(), elapsed, wasCanceled);
    }

    /// <summary>A progress report of an apply.</summary>
    /// <param name="finished">The step that just finished.</param>
    /// <param name="completed">Steps finished so far, failures included.</param>
    /// <param name="failed">Steps failed so far.</param>
    /// <param name="total">Steps in the plan.</param>
    /// <returns>The report.</returns>
    public static DatasourceApplyProgress DatasourceApplyProgress(DatasourceStepOutcome finished, int completed, int failed, int total)
    {
        ArgumentNullException.ThrowIfNull(finished);
        return new(finished, completed, failed, total);
    }
}
