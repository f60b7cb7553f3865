namespace Databrain.Client.Resilience;

/// <summary>
/// One create or delete call: the datasource it is about, and whether the pipeline is between attempts (the last
/// attempt was refused in a way that proves it was not processed, and a retry is pending). If the call's total
/// timeout fires then, nothing is in flight and nothing happened; if it fires during an attempt, the outcome is
/// unknown. Travels in the request's options (the Refit interface puts it there) to the retry strategy.
/// </summary>
internal sealed class UnrepeatableCall(string datasourceName)
{
    /// <summary>The request option's key.</summary>
    public const string OptionKey = "Databrain.UnrepeatableCall";

    private static readonly HttpRequestOptionsKey<UnrepeatableCall> Key = new(OptionKey);

    public string DatasourceName { get; } = datasourceName;

    /// <summary>A retry is pending after an attempt that provably was not processed.</summary>
    public bool AwaitingRetry { get; set; }

    public static UnrepeatableCall? Find(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var call) ? call : null;
}
