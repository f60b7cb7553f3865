namespace Databrain.Client.Models;

/// <summary>What an upsert answers: whether it created or updated, the datasource's name and the request id of the call that did it.</summary>
public sealed class UpsertDatasourceResult : DatabrainResult
{
    internal UpsertDatasourceResult(UpsertAction action, string name, string? id, int status, string? requestId)
        : base(status, requestId)
    {
        Action = action;
        Name = name;
        Id = id;
    }

    /// <summary>Whether the datasource was created or updated.</summary>
    public UpsertAction Action { get; }

    /// <summary>The datasource's name.</summary>
    public string Name { get; }

    /// <summary>The datasource's id, when the server's answer carries one (the documented answer does not).</summary>
    public string? Id { get; }

    /// <summary>The action, name and request id.</summary>
    /// <returns>For example <c>updated production-postgres (request id 5b1e…)</c>.</returns>
    public override string ToString() => ResultText.Describe(Action == UpsertAction.Created ? "created" : "updated", Name, RequestId);
}
