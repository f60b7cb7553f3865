using Databrain.Emulator.Logging;
using Databrain.Emulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Databrain.Emulator.Http;

/// <summary>
/// Runs before every endpoint: gives each response an <c>x-request-id</c>; for <c>/api</c> applies the
/// knobs (latency, rate limit, injected failures, dropped connections) and records the request; for <c>/api</c>
/// and <c>/_emulator</c> checks the bearer token.
/// </summary>
internal sealed class EmulatorPipeline(EmulatorRuntime runtime)
{
    private static readonly PathString ApiPath = new("/api");
    private static readonly PathString ControlPath = new("/_emulator");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var requestId = HttpResponses.AssignRequestId(context);
        var path = context.Request.Path;
        var isApi = path.StartsWithSegments(ApiPath);
        var operation = isApi ? OperationRoutes.Find(context.Request) : null;
        var dropAfter = false;
        try
        {
            if (isApi && !await ApplyKnobsAsync(context, operation, requestId))
            {
                return;
            }

            if ((isApi || path.StartsWithSegments(ControlPath)) && !IsAuthorized(context.Request))
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                EmulatorLog.Answered(runtime.Logger, "authenticate", null, null, 401, ErrorCodes.AuthenticationError, requestId);
                Record(context, operation, EmulatedRequestDisposition.Unauthenticated, 401, requestId);
                await HttpResponses.WriteErrorAsync(context, 401, ErrorCodes.AuthenticationError, "Missing or invalid service token.");
                return;
            }

            if (operation is { } op && runtime.OperationFaults.TakeDrop(op, ConnectionDropTiming.AfterProcessing))
            {
                // Nothing the endpoint writes may reach the wire: its answer goes to a sink, never to Kestrel, so no
                // status line or header is sent (or flushed) before the connection is aborted below.
                dropAfter = true;
                context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
            }

            await next(context);
            if (dropAfter)
            {
                DropAfterProcessing(context, operation!.Value, requestId);
                return;
            }

            if (operation is not null)
            {
                Record(context, operation, EmulatedRequestDisposition.Answered, context.Response.StatusCode, requestId);
            }

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
            if (dropAfter)
            {
                DropAfterProcessing(context, operation!.Value, requestId);
            }
            else if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.Headers[HttpResponses.RequestIdHeader] = requestId;
                await HttpResponses.WriteErrorAsync(context, 500, ErrorCodes.InternalServerError, "Internal server error.");
            }
        }
    }

    /// <summary>The endpoint has run (and changed what it changes); its answer is withheld and the connection aborted.</summary>
    private void DropAfterProcessing(HttpContext context, EmulatorOperation operation, string requestId)
    {
        var status = context.Response.StatusCode;
        EmulatorLog.Dropped(runtime.Logger, OperationName(operation), HttpResponses.DatasourceName(context), "after processing", status, requestId);
        Record(context, operation, EmulatedRequestDisposition.DroppedAfterProcessing, status, requestId);
        context.Abort();
    }

    private void Record(HttpContext context, EmulatorOperation? operation, EmulatedRequestDisposition disposition, int status, string requestId)
    {
        if (operation is { } op)
        {
            var processed = disposition is EmulatedRequestDisposition.Answered or EmulatedRequestDisposition.DroppedAfterProcessing;
            runtime.Requests.Add(op, processed ? HttpResponses.DatasourceName(context) : null, disposition, status, requestId);
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

    /// <summary>
    /// Latency, then the rate limit, then injected failures (the next-N ones for every request first, then the
    /// operation's own), then a drop before processing. False when the request was answered or dropped here.
    /// </summary>
    private async Task<bool> ApplyKnobsAsync(HttpContext context, EmulatorOperation? operation, string requestId)
    {
        var delay = runtime.NextDelay();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, runtime.TimeProvider, context.RequestAborted);
        }

        if (!runtime.RateLimit.TryAcquire(out var retryAfter))
        {
            EmulatorLog.Answered(runtime.Logger, "rate-limit", null, null, 429, ErrorCodes.TooManyRequests, requestId);
            Record(context, operation, EmulatedRequestDisposition.RateLimited, 429, requestId);
            await HttpResponses.WriteErrorAsync(context, 429, ErrorCodes.TooManyRequests, "Too many requests: rate limit exceeded.",
                TimeSpan.FromSeconds(HttpResponses.RetryAfterSeconds(retryAfter)));
            return false;
        }

        if ((runtime.Faults.TryTake() ?? (operation is { } failed ? runtime.OperationFaults.TakeFailure(failed) : null)) is { } fault)
        {
            EmulatorLog.Answered(runtime.Logger, "injected-failure", null, null, fault.StatusCode, fault.Code, requestId);
            Record(context, operation, EmulatedRequestDisposition.InjectedFailure, fault.StatusCode, requestId);
            await HttpResponses.WriteErrorAsync(context, fault.StatusCode, fault.Code, fault.Message, fault.RetryAfter);
            return false;
        }

        if (operation is { } op && runtime.OperationFaults.TakeDrop(op, ConnectionDropTiming.BeforeProcessing))
        {
            EmulatorLog.Dropped(runtime.Logger, OperationName(op), null, "before processing", 0, requestId);
            Record(context, operation, EmulatedRequestDisposition.DroppedBeforeProcessing, 0, requestId);
            context.Abort();
            return false;
        }

        return true;
    }

    private static string OperationName(EmulatorOperation operation) => operation switch
    {
        EmulatorOperation.Create => "create",
        EmulatorOperation.Update => "update",
        EmulatorOperation.List => "list",
        EmulatorOperation.Delete => "delete",
        _ => "sync",
    };

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
