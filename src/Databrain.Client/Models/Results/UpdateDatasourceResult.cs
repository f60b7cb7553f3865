namespace Databrain.Client.Models;

/// <summary>What an update answers: the datasource's name.</summary>
public sealed class UpdateDatasourceResult : DatabrainResult
{
    internal UpdateDatasourceResult(string name, int status, string? requestId)
        : base(status, requestId) => Name = name;

    /// <summary>The updated datasource's name (the name sent, when the answer did not repeat it).</summary>
    public string Name { get; }

    /// <summary>The name and the request id.</summary>
    /// <returns>For example <c>updated production-postgres (request id 5b1e…)</c>.</returns>
    public override string ToString() => ResultText.Describe("updated", Name, RequestId);
}
