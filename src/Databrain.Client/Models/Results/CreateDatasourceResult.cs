namespace Databrain.Client.Models;

/// <summary>What a create answers: the new datasource's name.</summary>
public sealed class CreateDatasourceResult : DatabrainResult
{
    internal CreateDatasourceResult(string name, int status, string? requestId)
        : base(status, requestId) => Name = name;

    /// <summary>The created datasource's name (the name sent, when the answer did not repeat it).</summary>
    public string Name { get; }

    /// <summary>The name and the request id.</summary>
    /// <returns>For example <c>created production-postgres (request id 5b1e…)</c>.</returns>
    public override string ToString() => ResultText.Describe("created", Name, RequestId);
}
