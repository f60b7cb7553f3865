namespace Databrain.Client.Models;

/// <summary>What a sync answers: the server's message.</summary>
public sealed class SyncDatasourceResult : DatabrainResult
{
    internal SyncDatasourceResult(string datasourceId, string? message, int status, string? requestId)
        : base(status, requestId)
    {
        DatasourceId = datasourceId;
        Message = message;
    }

    /// <summary>The id of the synced datasource (as sent).</summary>
    public string DatasourceId { get; }

    /// <summary>The server's message, for example <c>Sync completed</c>; <see langword="null"/> if the answer had none.</summary>
    public string? Message { get; }

    /// <summary>The id, the message and the request id.</summary>
    /// <returns>For example <c>synced 3f1c: Sync completed (request id 5b1e…)</c>.</returns>
    public override string ToString() => ResultText.Describe("synced", Message is null ? DatasourceId : $"{DatasourceId}: {Message}", RequestId);
}
