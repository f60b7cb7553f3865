namespace Databrain.Emulator.State;

/// <summary>The answer given to requests failed on purpose.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Code">The <c>error.code</c> of the envelope.</param>
/// <param name="Message">The <c>error.message</c> of the envelope.</param>
/// <param name="RetryAfter">When set, a <c>Retry-After</c> header in whole seconds.</param>
internal sealed record InjectedFault(int StatusCode, string Code, string Message, TimeSpan? RetryAfter);
