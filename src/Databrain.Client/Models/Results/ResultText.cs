namespace Databrain.Client.Models;

/// <summary>The one-line form every result's <c>ToString()</c> shares. Results hold no secret, so nothing is masked.</summary>
internal static class ResultText
{
    public static string Describe(string verb, string what, string? requestId) =>
        requestId is null ? $"{verb} {what}" : $"{verb} {what} (request id {requestId})";
}
