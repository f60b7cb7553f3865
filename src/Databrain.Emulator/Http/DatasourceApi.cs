using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Databrain.Emulator.Logging;
using Databrain.Emulator.Probes;
using Databrain.Emulator.State;
using Databrain.Emulator.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Databrain.Emulator.Http;

/// <summary>The DataBrain endpoints under <c>/api/v2/datasource</c>.</summary>
internal sealed class DatasourceApi(EmulatorRuntime runtime)
{
    private const int PageSize = 10;

    public async Task CreateAsync(HttpContext context)
    {
        const string Operation = "create";
        var request = await ReadDatasourceRequestAsync(context, Operation);
        if (request is null)
        {
            return;
        }

        if (runtime.Store.Contains(request.Name))
        {
            await AnswerNameTakenAsync(context, Operation, request);
            return;
        }

        var probe = await RunProbeAsync(context, request, Operation, ErrorCodes.CreateDatasourceFailed);
        if (probe is null)
        {
            return;
        }

        if (runtime.Store.TryAdd(request.Rules.Type, request.Name, request.Credentials, request.TenancySettings, probe.Schema, out _) == StoreResult.NameTaken)
        {
            await AnswerNameTakenAsync(context, Operation, request);
            return;
        }

        await AnswerAsync(context, Operation, request.Rules.Type, request.Name, 200, new JsonObject { ["name"] = request.Name });
    }

    public async Task UpdateAsync(HttpContext context)
    {
        const string Operation = "update";
        var request = await ReadDatasourceRequestAsync(context, Operation);
        if (request is null)
        {
            return;
        }

        var current = runtime.Store.Find(request.Name);
        if (current is null)
        {
            await AnswerUnknownNameAsync(context, Operation, request.Rules.Type, request.Name);
            return;
        }

        if (!string.Equals(current.DatasourceType, request.Rules.Type, StringComparison.Ordinal))
        {
            await AnswerTypeChangeAsync(context, Operation, request);
            return;
        }

        var probe = await RunProbeAsync(context, request, Operation, ErrorCodes.InternalServerError);
        if (probe is null)
        {
            return;
        }

        switch (runtime.Store.TryUpdate(request.Rules.Type, request.Name, request.Credentials, request.TenancySettings, probe.Schema))
        {
            case StoreResult.NotFound:
                await AnswerUnknownNameAsync(context, Operation, request.Rules.Type, request.Name);
                return;
            case StoreResult.TypeMismatch:
                await AnswerTypeChangeAsync(context, Operation, request);
                return;
            default:
                await AnswerAsync(context, Operation, request.Rules.Type, request.Name, 200, new JsonObject { ["name"] = request.Name });
                return;
        }
    }

    public async Task ListAsync(HttpContext context)
    {
        const string Operation = "list";
        var problems = new ValidationProblems();
        var paginate = false;
        var page = 1;
        if (TrySingle(context.Request.Query["isPagination"], out var pagination, problems, "isPagination") && pagination is not null)
        {
            switch (pagination)
            {
                case "true":
                    paginate = true;
                    break;
                case "false":
                    break;
                default:
                    problems.Add("isPagination", "must be \"true\" or \"false\"");
                    break;
            }
        }

        if (TrySingle(context.Request.Query["pageNumber"], out var pageNumber, problems, "pageNumber") && pageNumber is not null
            && (pageNumber.Length == 0 || !pageNumber.All(char.IsAsciiDigit)
                || !int.TryParse(pageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            problems.Add("pageNumber", "must be a positive integer (1-based)");
        }

        if (!problems.IsEmpty)
        {
            await AnswerErrorAsync(context, Operation, null, null, 400, ErrorCodes.InvalidRequestBody, problems.ToMessage());
            return;
        }

        IEnumerable<EmulatedDatasource> all = runtime.Store.List();
        if (paginate)
        {
            all = all.Skip((int)Math.Min(int.MaxValue, (page - 1L) * PageSize)).Take(PageSize);
        }

        var data = new JsonArray([.. all.Select(datasource => (JsonNode)new JsonObject { ["name"] = datasource.Name })]);
        await AnswerAsync(context, Operation, null, null, 200, new JsonObject { ["data"] = data });
    }

    public async Task DeleteAsync(HttpContext context)
    {
        const string Operation = "delete";
        var problems = new ValidationProblems();
        if (!TrySingle(context.Request.Query["datasourceName"], out var name, problems, "datasourceName") || string.IsNullOrWhiteSpace(name))
        {
            problems.Add("datasourceName", "is required (query parameter)");
            await AnswerErrorAsync(context, Operation, null, null, 400, ErrorCodes.InvalidRequestBody, problems.ToMessage());
            return;
        }

        switch (runtime.Store.TryDelete(name, out var deleted))
        {
            case StoreResult.NotFound:
                await AnswerUnknownNameAsync(context, Operation, null, name);
                return;
            case StoreResult.InUse:
                await AnswerErrorAsync(context, Operation, deleted!.DatasourceType, name, 400, ErrorCodes.DatasourceInUse,
                    "The datasource is used by other resources and cannot be deleted.");
                return;
            default:
                await AnswerAsync(context, Operation, deleted!.DatasourceType, name, 200, new JsonObject
                {
                    ["id"] = deleted.Id.ToString("D"),
                    ["message"] = "Datasource deleted successfully",
                });
                return;
        }
    }

    public async Task SyncAsync(HttpContext context)
    {
        const string Operation = "sync";
        using var body = await ReadJsonBodyAsync(context, Operation);
        if (body is null)
        {
            return;
        }

        if (!RequestValidator.TryValidateSync(body.RootElement, out var datasourceId, out var problems))
        {
            await AnswerErrorAsync(context, Operation, null, null, 400, ErrorCodes.InvalidRequestBody, problems.ToMessage());
            return;
        }

        if (!Guid.TryParseExact(datasourceId, "D", out var id))
        {
            await AnswerErrorAsync(context, Operation, null, null, 400, ErrorCodes.DatasourceIdError, "The datasource id is not a valid UUID.");
            return;
        }

        if (runtime.Store.TrySync(id, out var synced) != StoreResult.Done)
        {
            await AnswerErrorAsync(context, Operation, null, null, 400, ErrorCodes.DatasourceIdError, "No datasource has this id.");
            return;
        }

        await AnswerAsync(context, Operation, synced!.DatasourceType, synced.Name, 200, new JsonObject
        {
            ["data"] = new JsonObject { ["message"] = "Sync completed" },
        });
    }

    /// <summary>
    /// Reads and validates a create/update body; answers 400 itself (and returns null) when it is not JSON or
    /// breaks the contract. The request holds copies, so the parsed document is released here.
    /// </summary>
    private async Task<DatasourceRequest?> ReadDatasourceRequestAsync(HttpContext context, string operation)
    {
        using var body = await ReadJsonBodyAsync(context, operation);
        if (body is null)
        {
            return null;
        }

        if (!RequestValidator.TryValidateDatasource(body.RootElement, out var request, out var problems, out var type))
        {
            await AnswerErrorAsync(context, operation, type, null, 400, ErrorCodes.InvalidRequestBody, problems.ToMessage());
            return null;
        }

        return request;
    }

    /// <summary>Reads a JSON body; answers 400 itself (and returns null) when there is none.</summary>
    private async Task<JsonDocument?> ReadJsonBodyAsync(HttpContext context, string operation)
    {
        if (!context.Request.HasJsonContentType())
        {
            await AnswerErrorAsync(context, operation, null, null, 400, ErrorCodes.InvalidRequestBody,
                "Invalid request body: Content-Type must be application/json.");
            return null;
        }

        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException)
        {
            // The parser's message quotes the offending text, which may be a secret: never repeat it.
            await AnswerErrorAsync(context, operation, null, null, 400, ErrorCodes.InvalidRequestBody,
                "Invalid request body: body is not valid JSON.");
            return null;
        }
    }

    /// <summary>Runs the type's connection probe; answers the failure itself (and returns null) when it fails.</summary>
    private async Task<ConnectionProbeResult?> RunProbeAsync(HttpContext context, DatasourceRequest request, string operation, string unexpectedFailureCode)
    {
        var type = request.Rules.Type;
        ConnectionProbeResult result;
        try
        {
            result = await runtime.Probes.For(type)
                .ProbeAsync(new ConnectionProbeContext(type, request.Name, request.Credentials), context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            EmulatorLog.ProbeThrew(runtime.Logger, type, request.Name, exception.GetType().Name);
            await AnswerErrorAsync(context, operation, type, request.Name, 500, unexpectedFailureCode,
                $"The connection test failed unexpectedly ({exception.GetType().Name}).");
            return null;
        }

        if (result.Outcome == ConnectionProbeOutcome.Succeeded)
        {
            return result;
        }

        var message = SecretScrubber.Scrub(result.Message ?? "Credential test failed.", SecretScrubber.SecretValues(request.Credentials));
        if (result.Outcome == ConnectionProbeOutcome.SchemaCacheFailed)
        {
            await AnswerErrorAsync(context, operation, type, request.Name, 500, ErrorCodes.SchemaCacheFailed, message);
        }
        else
        {
            await AnswerErrorAsync(context, operation, type, request.Name, 400, ErrorCodes.CredentialTestFailed, message);
        }

        return null;
    }

    private static bool TrySingle(StringValues values, out string? value, ValidationProblems problems, string name)
    {
        value = null;
        if (values.Count > 1)
        {
            problems.Add(name, "must be given once");
            return false;
        }

        value = values.Count == 1 ? values[0] : null;
        return true;
    }

    private Task AnswerNameTakenAsync(HttpContext context, string operation, DatasourceRequest request) =>
        AnswerErrorAsync(context, operation, request.Rules.Type, request.Name, 400, ErrorCodes.DatasourceNameError,
            "A datasource with this name already exists.");

    private Task AnswerUnknownNameAsync(HttpContext context, string operation, string? type, string name) =>
        AnswerErrorAsync(context, operation, type, name, 400, ErrorCodes.DatasourceNameError, "No datasource has this name.");

    private Task AnswerTypeChangeAsync(HttpContext context, string operation, DatasourceRequest request) =>
        AnswerErrorAsync(context, operation, request.Rules.Type, request.Name, 400, ErrorCodes.InvalidRequestBody,
            "Invalid request body: datasourceType cannot change on update.");

    private Task AnswerAsync(HttpContext context, string operation, string? type, string? name, int status, JsonNode body)
    {
        HttpResponses.NoteDatasourceName(context, name);
        EmulatorLog.Answered(runtime.Logger, operation, type, name, status, null, HttpResponses.RequestId(context));
        return HttpResponses.WriteJsonAsync(context, status, body);
    }

    private Task AnswerErrorAsync(HttpContext context, string operation, string? type, string? name, int status, string code, string message)
    {
        HttpResponses.NoteDatasourceName(context, name);
        EmulatorLog.Answered(runtime.Logger, operation, type, name, status, code, HttpResponses.RequestId(context));
        return HttpResponses.WriteErrorAsync(context, status, code, message);
    }
}
