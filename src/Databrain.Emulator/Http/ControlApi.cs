using System.Text.Json;
using System.Text.Json.Nodes;
using Databrain.Emulator.Logging;
using Databrain.Emulator.State;
using Databrain.Emulator.Validation;
using Microsoft.AspNetCore.Http;

namespace Databrain.Emulator.Http;

/// <summary>
/// The emulator-only endpoints under <c>/_emulator</c>: inspection (datasources, cached schemas, the request log)
/// and the knobs (latency, failures, dropped connections, rate limit, probes, in-use flags, reset).
/// </summary>
internal sealed class ControlApi(EmulatorRuntime runtime)
{
    public Task ListDatasourcesAsync(HttpContext context)
    {
        var items = runtime.Store.List().Select(datasource => (JsonNode)new JsonObject
        {
            ["name"] = datasource.Name,
            ["id"] = datasource.Id.ToString("D"),
            ["datasourceType"] = datasource.DatasourceType,
            ["inUse"] = datasource.InUse,
            ["syncCount"] = datasource.SyncCount,
            ["hasSchema"] = datasource.Schema is not null,
        });
        return HttpResponses.WriteJsonAsync(context, 200, new JsonObject { ["datasources"] = new JsonArray([.. items]) });
    }

    public Task GetSchemaAsync(HttpContext context)
    {
        var datasource = runtime.Store.Find(RouteValue(context, "name"));
        if (datasource is null)
        {
            return HttpResponses.WriteErrorAsync(context, 404, ErrorCodes.DatasourceNotFound, "No datasource has this name.");
        }

        var schema = datasource.Schema ?? DatasourceSchema.Empty;
        var tables = schema.Tables.Select(table => (JsonNode)new JsonObject
        {
            ["name"] = table.Name,
            ["columns"] = new JsonArray([.. table.Columns.Select(column => (JsonNode)new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
            })]),
        });
        return HttpResponses.WriteJsonAsync(context, 200, new JsonObject { ["tables"] = new JsonArray([.. tables]) });
    }

    public async Task SetInUseAsync(HttpContext context)
    {
        using var body = await ReadObjectAsync(context);
        if (body is null)
        {
            return;
        }

        if (!body.RootElement.TryGetProperty("inUse", out var inUse) || inUse.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            await InvalidAsync(context, "inUse must be a boolean");
            return;
        }

        if (!runtime.Store.TrySetInUse(RouteValue(context, "name"), inUse.GetBoolean()))
        {
            await HttpResponses.WriteErrorAsync(context, 404, ErrorCodes.DatasourceNotFound, "No datasource has this name.");
            return;
        }

        await KnobChangedAsync(context, "in-use");
    }

    public async Task SetLatencyAsync(HttpContext context)
    {
        using var body = await ReadObjectAsync(context);
        if (body is null)
        {
            return;
        }

        if (!TryGetInt(body.RootElement, "milliseconds", out var milliseconds) || milliseconds < 0)
        {
            await InvalidAsync(context, "milliseconds must be an integer of at least 0");
            return;
        }

        var jitter = 0;
        if (body.RootElement.TryGetProperty("jitterMilliseconds", out _) && (!TryGetInt(body.RootElement, "jitterMilliseconds", out jitter) || jitter < 0))
        {
            await InvalidAsync(context, "jitterMilliseconds must be an integer of at least 0");
            return;
        }

        runtime.Latency = TimeSpan.FromMilliseconds(milliseconds);
        runtime.LatencyJitter = TimeSpan.FromMilliseconds(jitter);
        await KnobChangedAsync(context, "latency");
    }

    public async Task SetFailuresAsync(HttpContext context)
    {
        using var body = await ReadObjectAsync(context);
        if (body is null)
        {
            return;
        }

        var root = body.RootElement;
        var problems = new ValidationProblems();
        if (!TryGetInt(root, "count", out var count) || count < 1)
        {
            problems.Add("count", "must be an integer of at least 1");
        }

        var fault = ReadFault(root, problems);
        if (!problems.IsEmpty)
        {
            await HttpResponses.WriteErrorAsync(context, 400, ErrorCodes.InvalidRequestBody, problems.ToMessage());
            return;
        }

        runtime.Faults.Set(count, fault!);
        await KnobChangedAsync(context, "failures");
    }

    public async Task SetOperationFailuresAsync(HttpContext context)
    {
        if (ReadOperation(context) is not { } operation)
        {
            await InvalidOperationAsync(context);
            return;
        }

        using var body = await ReadObjectAsync(context);
        if (body is null)
        {
            return;
        }

        var problems = new ValidationProblems();
        var schedule = ReadSchedule(body.RootElement, problems);
        var fault = ReadFault(body.RootElement, problems);
        if (!problems.IsEmpty)
        {
            await HttpResponses.WriteErrorAsync(context, 400, ErrorCodes.InvalidRequestBody, problems.ToMessage());
            return;
        }

        runtime.OperationFaults.SetFailure(operation, fault!, schedule!);
        await KnobChangedAsync(context, "failures");
    }

    public async Task SetDropAsync(HttpContext context)
    {
        if (ReadOperation(context) is not { } operation)
        {
            await InvalidOperationAsync(context);
            return;
        }

        using var body = await ReadObjectAsync(context);
        if (body is null)
        {
            return;
        }

        var problems = new ValidationProblems();
        if (!Enum.TryParse<ConnectionDropTiming>(TryGetString(body.RootElement, "timing"), ignoreCase: true, out var timing) || !Enum.IsDefined(timing))
        {
            problems.Add("timing", "must be one of " + string.Join(", ", Enum.GetNames<ConnectionDropTiming>()));
        }

        var schedule = ReadSchedule(body.RootElement, problems);
        if (!problems.IsEmpty)
        {
            await HttpResponses.WriteErrorAsync(context, 400, ErrorCodes.InvalidRequestBody, problems.ToMessage());
            return;
        }

        runtime.OperationFaults.SetDrop(operation, timing, schedule!);
        await KnobChangedAsync(context, "drops");
    }

    public Task ClearDropsAsync(HttpContext context)
    {
        runtime.OperationFaults.ClearDrops();
        return KnobChangedAsync(context, "drops");
    }

    public Task ListRequestsAsync(HttpContext context)
    {
        var items = runtime.Requests.Snapshot().Select(request => (JsonNode)new JsonObject
        {
            ["sequence"] = request.Sequence,
            ["operation"] = request.Operation.ToString(),
            ["datasourceName"] = request.DatasourceName,
            ["disposition"] = request.Disposition.ToString(),
            ["status"] = request.StatusCode,
            ["requestId"] = request.RequestId,
        });
        return HttpResponses.WriteJsonAsync(context, 200, new JsonObject
        {
            ["recording"] = runtime.Requests.Enabled,
            ["requests"] = new JsonArray([.. items]),
        });
    }

    public Task ClearFailuresAsync(HttpContext context)
    {
        runtime.Faults.Clear();
        runtime.OperationFaults.ClearFailures();
        return KnobChangedAsync(context, "failures");
    }

    public async Task SetRateLimitAsync(HttpContext context)
    {
        using var body = await ReadObjectAsync(context);
        if (body is null)
        {
            return;
        }

        var problems = new ValidationProblems();
        if (!TryGetInt(body.RootElement, "permitLimit", out var permitLimit) || permitLimit < 1)
        {
            problems.Add("permitLimit", "must be an integer of at least 1");
        }

        if (!TryGetInt(body.RootElement, "windowSeconds", out var windowSeconds) || windowSeconds < 1)
        {
            problems.Add("windowSeconds", "must be an integer of at least 1");
        }

        if (!problems.IsEmpty)
        {
            await HttpResponses.WriteErrorAsync(context, 400, ErrorCodes.InvalidRequestBody, problems.ToMessage());
            return;
        }

        runtime.RateLimit.Configure(permitLimit, TimeSpan.FromSeconds(windowSeconds));
        await KnobChangedAsync(context, "rate-limit");
    }

    public Task ClearRateLimitAsync(HttpContext context)
    {
        runtime.RateLimit.Disable();
        return KnobChangedAsync(context, "rate-limit");
    }

    public async Task SetProbeAsync(HttpContext context)
    {
        var type = context.Request.RouteValues.TryGetValue("datasourceType", out var value) ? value as string : null;
        if (type is not null && DatasourceCatalog.Find(type) is null)
        {
            await InvalidAsync(context, "datasourceType is not a supported datasource type");
            return;
        }

        using var body = await ReadObjectAsync(context);
        if (body is null)
        {
            return;
        }

        if (!Enum.TryParse<ConnectionProbeMode>(TryGetString(body.RootElement, "mode"), ignoreCase: true, out var mode)
            || !Enum.IsDefined(mode))
        {
            await InvalidAsync(context, "mode must be one of " + string.Join(", ", Enum.GetNames<ConnectionProbeMode>()));
            return;
        }

        if (type is null)
        {
            runtime.Probes.SetAll(mode);
        }
        else
        {
            runtime.Probes.Set(type, mode);
        }

        await KnobChangedAsync(context, "probe");
    }

    public Task ResetAsync(HttpContext context)
    {
        runtime.Reset();
        return KnobChangedAsync(context, "reset");
    }

    internal static string DefaultFaultMessage(string code) => $"Injected failure ({code}).";

    private Task KnobChangedAsync(HttpContext context, string knob)
    {
        EmulatorLog.KnobChanged(runtime.Logger, knob);
        return HttpResponses.NoContent(context);
    }

    private static string RouteValue(HttpContext context, string key) =>
        context.Request.RouteValues.TryGetValue(key, out var value) && value is string text ? text : string.Empty;

    private static async Task<JsonDocument?> ReadObjectAsync(HttpContext context)
    {
        JsonDocument? document = null;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
        }

        if (document?.RootElement.ValueKind == JsonValueKind.Object)
        {
            return document;
        }

        document?.Dispose();
        await InvalidAsync(context, "body must be a JSON object");
        return null;
    }

    /// <summary>The failure's <c>status</c>, <c>code</c>, optional <c>message</c> and <c>retryAfterSeconds</c>; null when a problem was added.</summary>
    private static InjectedFault? ReadFault(JsonElement root, ValidationProblems problems)
    {
        var valid = true;
        if (!TryGetInt(root, "status", out var status) || status < 100 || status > 599)
        {
            problems.Add("status", "must be an HTTP status from 100 to 599");
            valid = false;
        }

        var code = TryGetString(root, "code");
        if (string.IsNullOrWhiteSpace(code))
        {
            problems.Add("code", "must be a non-blank string");
            valid = false;
        }

        TimeSpan? retryAfter = null;
        if (root.TryGetProperty("retryAfterSeconds", out _))
        {
            if (TryGetInt(root, "retryAfterSeconds", out var seconds) && seconds >= 0)
            {
                retryAfter = TimeSpan.FromSeconds(seconds);
            }
            else
            {
                problems.Add("retryAfterSeconds", "must be an integer of at least 0");
                valid = false;
            }
        }

        return valid ? new InjectedFault(status, code!, TryGetString(root, "message") ?? DefaultFaultMessage(code!), retryAfter) : null;
    }

    /// <summary><c>count</c>, or <c>probability</c> with <c>seed</c>; null when a problem was added.</summary>
    private static FaultSchedule? ReadSchedule(JsonElement root, ValidationProblems problems)
    {
        var hasCount = root.TryGetProperty("count", out _);
        var hasProbability = root.TryGetProperty("probability", out var probability);
        if (hasCount == hasProbability)
        {
            problems.Add("count", "give either count or probability (with seed)");
            return null;
        }

        if (hasCount)
        {
            if (TryGetInt(root, "count", out var count) && count >= 1)
            {
                return FaultSchedule.Next(count);
            }

            problems.Add("count", "must be an integer of at least 1");
            return null;
        }

        var valid = true;
        if (probability.ValueKind != JsonValueKind.Number || !probability.TryGetDouble(out var p) || p < 0 || p > 1)
        {
            problems.Add("probability", "must be a number from 0 to 1");
            p = 0;
            valid = false;
        }

        if (!TryGetInt(root, "seed", out var seed))
        {
            problems.Add("seed", "must be an integer (required with probability)");
            valid = false;
        }

        return valid ? FaultSchedule.WithProbability(p, seed) : null;
    }

    private static EmulatorOperation? ReadOperation(HttpContext context) =>
        Enum.TryParse<EmulatorOperation>(RouteValue(context, "operation"), ignoreCase: true, out var operation)
            && Enum.IsDefined(operation)
            && !RouteValue(context, "operation").Any(char.IsAsciiDigit)
            ? operation
            : null;

    private static Task InvalidOperationAsync(HttpContext context) =>
        InvalidAsync(context, "operation must be one of " + string.Join(", ", Enum.GetNames<EmulatorOperation>().Select(name => name.ToLowerInvariant())));

    private static Task InvalidAsync(HttpContext context, string problem) =>
        HttpResponses.WriteErrorAsync(context, 400, ErrorCodes.InvalidRequestBody, "Invalid request body: " + problem + ".");

    private static bool TryGetInt(JsonElement root, string name, out int value)
    {
        value = 0;
        return root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }

    private static string? TryGetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
}
