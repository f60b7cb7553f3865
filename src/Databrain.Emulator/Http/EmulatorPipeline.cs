using Databrain.Emulator.Logging;
using Databrain.Emulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Databrain.Emulator.Http;

/// <summary>
/// Runs before every endpoint: gives each response an <c>x-request-id</c>; for <c>/api</c> applies the
/// knobs (latency, rate limit, injected failures); for <c>/api</c> and <c>/_emulator</c> checks the
/// bearer token.
/// </summary>
internal sealed class EmulatorPipeline(EmulatorRuntime runtime)
{
    private static readonly PathString ApiPath = new("/api");
    private static readonly PathString ControlPath = new("/_emulator");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var requestId = HttpResponses.AssignRequestId(context);
        try
        {
            var path = context.Request.Path;
            var isApi = path.StartsWithSegments(ApiPath);
            if (isApi && !await ApplyKnobsAsync(context, requestId))
            {
                return;
            }

            if ((isApi || path.StartsWithSegments(ControlPath)) && !IsAuthorized(context.Request))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                EmulatorLog.Answered(runtime.Logger, "authenticate", null, null, 401, ErrorCodes.AuthenticationError, requestId);
                await HttpResponses.WriteErrorAsync(context, 401, ErrorCodes.AuthenticationError, "Missing or invalid service token.");
                return;
            }

            await next(context);
            await AnswerUnmatchedAsync(context, requestId);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nothing to answer.
        }
#pragma warning disable CA1031 // A server answers 500 to whatever went wrong, and logs only the exception's type.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            EmulatorLog.Unhandled(runtime.Logger, exception.GetType().Name, context.Request.Method, context.Request.Path, requestId);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.Headers[HttpResponses.RequestIdHeader] = requestId;
                await HttpResponses.WriteErrorAsync(context, 500, ErrorCodes.InternalServerError, "Internal server error.");
            }
        }
    }

    /// <summary>Gives routing's bare 404 (no such endpoint) and 405 (no such method) the error envelope.</summary>
    private Task AnswerUnmatchedAsync(HttpContext context, string requestId)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        var (code, message) = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => (ErrorCodes.NotFound, "No such endpoint."),
            StatusCodes.Status405MethodNotAllowed => (ErrorCodes.MethodNotAllowed, "This endpoint does not take this method."),
            _ => (null, null),
        };
        if (code is null)
        {
            return Task.CompletedTask;
        }

        EmulatorLog.Answered(runtime.Logger, "route", null, null, context.Response.StatusCode, code, requestId);
        return HttpResponses.WriteErrorAsync(context, context.Response.StatusCode, code, message!);
    }

    /// <summary>Latency, then the rate limit, then injected failures. False when the request was answered here.</summary>
    private async Task<bool> ApplyKnobsAsync(HttpContext context, string requestId)
    {
        var latency = runtime.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, runtime.TimeProvider, context.RequestAborted);
        }

        if (!runtime.RateLimit.TryAcquire(out var retryAfter))
        {
            EmulatorLog.Answered(runtime.Logger, "rate-limit", null, null, 429, ErrorCodes.TooManyRequests, requestId);
            await HttpResponses.WriteErrorAsync(context, 429, ErrorCodes.TooManyRequests, "Too many requests: rate limit exceeded.", retryAfter);
            return false;
        }

        if (runtime.Faults.TryTake() is { } fault)
        {
            EmulatorLog.Answered(runtime.Logger, "injected-failure", null, null, fault.StatusCode, fault.Code, requestId);
            await HttpResponses.WriteErrorAsync(context, fault.StatusCode, fault.Code, fault.Message, fault.RetryAfter);
            return false;
        }

        return true;
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var values = request.Headers[HeaderNames.Authorization];
        if (values.Count != 1 || values[0] is not { } header)
        {
            return false;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !header.AsSpan(0, space).Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = header[(space + 1)..].Trim();
        return token.Length > 0 && runtime.IsServiceToken(token);
    }
}
