namespace Databrain.Client.Tests.Observability;

/// <summary>What the server does with one leak-hunt case.</summary>
public enum LeakOutcome
{
    Success,
    ErrorCode,
    EchoRaw,
    EchoJsonEscaped,
    EchoEachJsonEscaped,
    EchoWithWindowsLineEndings,
    EchoUrlEncoded,
    EchoAcrossTheCut,
    EchoInCode,
    EchoInRequestId,
    EchoAsStringError,
    EchoInHtml,
    UnavailableThenSuccess,
    RateLimitedThenSuccess,
    AlwaysUnavailable,
}
