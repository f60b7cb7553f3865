namespace Databrain.Client.Tests.Client;

/// <summary>Each operation as a test can call it, with the method and path its request uses.</summary>
public static class Operations
{
    public static string Method(DatabrainOperation operation) => operation switch
    {
        DatabrainOperation.Create => "POST",
        DatabrainOperation.Update => "PUT",
        DatabrainOperation.List => "GET",
        DatabrainOperation.Delete => "DELETE",
        DatabrainOperation.Sync => "POST",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    public static string Path(DatabrainOperation operation) =>
        operation == DatabrainOperation.Sync ? ApiServer.SyncPath : ApiServer.DatasourcePath;

    /// <summary>A success body for the operation.</summary>
    public static string SuccessBody(DatabrainOperation operation) => operation switch
    {
        DatabrainOperation.Create or DatabrainOperation.Update => """{"name":"production-postgres"}""",
        DatabrainOperation.List => """{"data":[{"name":"a"}]}""",
        DatabrainOperation.Delete => """{"id":"3f1c","message":"Datasource deleted successfully"}""",
        DatabrainOperation.Sync => """{"data":{"message":"Sync completed"}}""",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    /// <summary>
    /// The spec's retry table, restated for assertions: list, update and sync are retried on 408, 429, 500, 502,
    /// 503 and 504; create and delete only on 429 and 503. A retried failure that persists is sent 1 + 3 times.
    /// </summary>
    public static int ExpectedAttempts(DatabrainOperation operation, int status, int maxRetries = 3)
    {
        var repeatable = operation is DatabrainOperation.List or DatabrainOperation.Update or DatabrainOperation.Sync;
        var retried = repeatable ? status is 408 or 429 or 500 or 502 or 503 or 504 : status is 429 or 503;
        return retried ? 1 + maxRetries : 1;
    }

    public static bool IsRepeatable(DatabrainOperation operation) =>
        operation is DatabrainOperation.List or DatabrainOperation.Update or DatabrainOperation.Sync;

    public static Task Invoke(DatabrainClient client, DatabrainOperation operation, CancellationToken cancellationToken = default) => operation switch
    {
        DatabrainOperation.Create => client.CreateDatasourceAsync(ApiServer.Postgres(), cancellationToken: cancellationToken),
        DatabrainOperation.Update => client.UpdateDatasourceAsync(ApiServer.Postgres(), cancellationToken: cancellationToken),
        DatabrainOperation.List => client.GetDatasourcePageAsync(1, cancellationToken),
        DatabrainOperation.Delete => client.DeleteDatasourceAsync("production-postgres", cancellationToken),
        DatabrainOperation.Sync => client.SyncDatasourceAsync("3f1c", cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    /// <summary>Runs the operation and describes its result in one line (for exact assertions across operations).</summary>
    public static async Task<string> InvokeDescribedAsync(DatabrainClient client, DatabrainOperation operation, CancellationToken cancellationToken = default)
    {
        switch (operation)
        {
            case DatabrainOperation.Create:
                return "created: " + (await client.CreateDatasourceAsync(ApiServer.Postgres(), cancellationToken: cancellationToken)).Name;
            case DatabrainOperation.Update:
                return "updated: " + (await client.UpdateDatasourceAsync(ApiServer.Postgres(), cancellationToken: cancellationToken)).Name;
            case DatabrainOperation.List:
                var page = await client.GetDatasourcePageAsync(1, cancellationToken);
                return "page: " + string.Join(",", page.Items.Select(i => i.Name));
            case DatabrainOperation.Delete:
                return "deleted: " + ((await client.DeleteDatasourceAsync("production-postgres", cancellationToken)).Id ?? "(no id)");
            case DatabrainOperation.Sync:
                return "synced: " + ((await client.SyncDatasourceAsync("3f1c", cancellationToken)).Message ?? "(no message)");
            default:
                throw new ArgumentOutOfRangeException(nameof(operation));
        }
    }

    /// <summary>What <see cref="InvokeDescribedAsync"/> says after the operation's <see cref="SuccessBody"/>.</summary>
    public static string DescribedSuccess(DatabrainOperation operation) => operation switch
    {
        DatabrainOperation.Create => "created: production-postgres",
        DatabrainOperation.Update => "updated: production-postgres",
        DatabrainOperation.List => "page: a",
        DatabrainOperation.Delete => "deleted: 3f1c",
        DatabrainOperation.Sync => "synced: Sync completed",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    public static void Stub(ApiServer api, DatabrainOperation operation, int status, string? body, params (string Name, string Value)[] headers) =>
        api.Given(Method(operation), Path(operation), status, body, headers);
}
