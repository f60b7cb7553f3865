namespace Databrain.Emulator.Tests.Infrastructure;

/// <summary>An error answer: the HTTP status and the parsed envelope.</summary>
public sealed record ApiError(int HttpStatus, string Code, string Message, int? EnvelopeStatus);
