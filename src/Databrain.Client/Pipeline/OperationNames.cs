namespace Databrain.Client.Pipeline;

/// <summary>The fixed texts of each operation: its verb in messages and telemetry, its HTTP method, its span name.</summary>
internal static class OperationNames
{
    /// <summary>The lower-case verb, as messages, log lines and metric tags say it: <c>create</c>, <c>list</c>, ...</summary>
    public static string Verb(this DatabrainOperation operation) => operation switch
    {
        DatabrainOperation.Create => "create",
        DatabrainOperation.Update => "update",
        DatabrainOperation.List => "list",
        DatabrainOperation.Delete => "delete",
        DatabrainOperation.Sync => "sync",
        _ => "unknown",
    };

    public static string Method(this DatabrainOperation operation) => operation switch
    {
        DatabrainOperation.Create or DatabrainOperation.Sync => "POST",
        DatabrainOperation.Update => "PUT",
        DatabrainOperation.List => "GET",
        DatabrainOperation.Delete => "DELETE",
        _ => "_OTHER",
    };

    /// <summary>The call's span name: <c>databrain.datasource.create</c>, ...</summary>
    public static string ActivityName(this DatabrainOperation operation) => operation switch
    {
        DatabrainOperation.Create => "databrain.datasource.create",
        DatabrainOperation.Update => "databrain.datasource.update",
        DatabrainOperation.List => "databrain.datasource.list",
        DatabrainOperation.Delete => "databrain.datasource.delete",
        DatabrainOperation.Sync => "databrain.datasource.sync",
        _ => "databrain.datasource.unknown",
    };
}
