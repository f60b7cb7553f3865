namespace Databrain.Client.Benchmarks.Canned;

/// <summary>A precomputed answer: the status and the exact body bytes.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The UTF-8 JSON body, shared by every request that gets this answer.</param>
internal readonly record struct CannedAnswer(int Status, byte[] Body);
