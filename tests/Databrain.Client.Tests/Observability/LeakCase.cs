using Databrain.Client.Models;

namespace Databrain.Client.Tests.Observability;

/// <summary>
/// One generated case: a credential sample with random secrets, the call, the client path and the server's behaviour.
/// Each secret embeds a random alphanumeric <see cref="Cores"/> entry that survives any escaping, so finding any
/// 8 characters of a core anywhere is a (possibly partial) leak. A core of digits or hex digits only (a number, a
/// key id) is searched whole: 8 of its characters could turn up by chance.
/// </summary>
public sealed record LeakCase(
    int Index,
    string SampleKey,
    DatasourceCredentials Credentials,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<string> Cores,
    bool Create,
    bool ViaDependencyInjection,
    LeakOutcome Outcome,
    string ErrorCode,
    int ErrorStatus)
{
    public string Name => Credentials.Name;

    public override string ToString() =>
        $"case {Index}: {SampleKey} {(Create ? "create" : "update")} via {(ViaDependencyInjection ? "DI" : "constructor")}, " +
        $"outcome {Outcome} ({ErrorCode} {ErrorStatus}), secrets [{string.Join(", ", Secrets.Select(s => System.Text.Json.JsonSerializer.Serialize(s)))}]";
}
