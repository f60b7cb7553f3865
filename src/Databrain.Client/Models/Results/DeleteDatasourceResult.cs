namespace Databrain.Client.Models;

/// <summary>What a delete answers: the deleted datasource's id and the server's message.</summary>
public sealed class DeleteDatasourceResult : DatabrainResult
{
    internal DeleteDatasourceResult(string name, string? id, string? message, int status, string? requestId)
        : base(status, requestId)
    {
        Name = name;
        Id = id;
        Message = message;
    }

    /// <summary>The deleted datasource's name (as sent).</summary>
    public string Name { get; }

    /// <summary>The id of the deleted datasource; <see langword="null"/> if the server's answer did not carry it.</summary>
    public string? Id { get; }

    /// <summary>The server's message, for example <c>Datasource deleted successfully</c>.</summary>
    public string? Message { get; }

    /// <summary>The name, the id and the request id.</summary>
    /// <returns>For example <c>deleted production-postgres, id 3f1c (request id 5b1e…)</c>.</returns>
    public override string ToString() => ResultText.Describe("deleted", Id is null ? Name : $"{Name}, id {Id}", RequestId);
}
