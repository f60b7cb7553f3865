namespace Databrain.Client.Models;

/// <summary>What delete answers: the deleted datasource's id and the server's message.</summary>
public sealed class DeletedDatasource
{
    internal DeletedDatasource(string? id, string? message)
    {
        Id = id;
        Message = message;
    }

    /// <summary>The id of the deleted datasource; <see langword="null"/> if the server's answer did not carry it.</summary>
    public string? Id { get; }

    /// <summary>The server's message, for example <c>Datasource deleted successfully</c>.</summary>
    public string? Message { get; }
}
