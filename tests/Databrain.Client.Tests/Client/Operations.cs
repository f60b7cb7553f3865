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

    public static Task Invoke(DatabrainClient client, DatabrainOperation operation, CancellationToken cancellationToken = default) => operation switch
    {
        DatabrainOperation.Create => client.CreateDatasourceAsync(ApiServer.Postgres(), cancellationToken: cancellationToken),
        DatabrainOperation.Update => client.UpdateDatasourceAsync(ApiServer.Postgres(), cancellationToken: cancellationToken),
        DatabrainOperation.List => client.GetDatasourcePageAsync(1, cancellationToken),
        DatabrainOperation.Delete => client.DeleteDatasourceAsync("production-postgres", cancellationToken),
        DatabrainOperation.Sync => client.SyncDatasourceAsync("3f1c", cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    public static void Stub(ApiServer api, DatabrainOperation operation, int status, string? body, params (string Name, string Value)[] headers) =>
        api.Given(Method(operation), Path(operation), status, body, headers);
}
