namespace Databrain.Testing;

/// <summary>What a stub of <see cref="ApiServer"/> answers.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Body">The body, sent with <see cref="ContentType"/>; <see langword="null"/>: no body and no content type.</param>
public sealed record ApiReply(int Status, string? Body = null)
{
    public string ContentType { get; init; } = "application/json";

    /// <summary>More response headers, in order.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>How long the server waits before it answers.</summary>
    public TimeSpan Delay { get; init; }

    public ApiFault Fault { get; init; }

    public ApiReply WithHeader(string name, string value) => this with { Headers = [.. Headers, (name, value)] };
}
