namespace Databrain.Client.Models;

/// <summary>What an update answers: the datasource's name.</summary>
public sealed class UpdateDatasourceResult : DatabrainResult
{
    internal UpdateDatasourceResult(string name, string? id, int status, string? requestId)
        : base(status, requestId)
    {
        Name = name;
        Id = id;
    }

    /// <summary>The updated datasource's name (the name sent, when the answer did not repeat it).</summary>
    public string Name { get; }

    /// <summary>
    /// The datasource's id (what sync takes), when the server's answer carries one; the documented answer does not,
    /// so this is usually <see langword="null"/>.
    /// </summary>
    public string? Id { get; }

    /// <summary>The name and the request id.</summary>
    /// <returns>For example <c>updated production-postgres (request id 5b1e…)</c>.</returns>
    public override string ToString() => ResultText.Describe("updated", Name, RequestId);
}
