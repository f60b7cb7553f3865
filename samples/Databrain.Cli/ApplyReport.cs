using System.Globalization;
using System.Text.Json;
using Databrain.Client.DesiredState;
using Databrain.Client.Models;

namespace Databrain.Cli;

/// <summary>
/// What <c>datasource apply</c> prints on standard output: the plan, then (unless a dry run) one row per step with
/// its outcome and request id; in text as tables, with <c>--output json</c> as one document. Names and types only:
/// a definition's secrets are never printed. Deletes come first, so that they are seen (they run last).
/// </summary>
internal sealed class ApplyReport(CliOutput output, OutputFormat format)
{
    private static readonly string[] PlanHeaders = ["NAME", "TYPE", "ACTION"];
    private static readonly string[] ResultHeaders = ["NAME", "TYPE", "ACTION", "OUTCOME", "REQUEST ID"];

    /// <summary>The plan: a count line, then (for a dry run) the steps; with JSON, a dry run's whole document.</summary>
    public async Task WritePlanAsync(DatasourcePlan plan, bool dryRun)
    {
        if (format == OutputFormat.Json)
        {
            if (dryRun)
            {
                await output.WriteJsonAsync(json =>
                {
                    json.WriteStartObject();
                    WriteHeader(json, plan, dryRun: true);
                    json.WriteStartArray("steps");
                    foreach (var step in DeletesFirst(plan.Steps, s => s))
                    {
                        json.WriteStartObject();
                        WriteStep(json, step);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }).ConfigureAwait(false);
            }

            return;
        }

        if (dryRun && plan.Steps.Count > 0)
        {
            var rows = DeletesFirst(plan.Steps, s => s).Select(step => (IReadOnlyList<string>)[step.Name, TypeOf(step), ActionOf(step)]).ToList();
            foreach (var line in TextTable.Lines(PlanHeaders, rows))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync(PlanLine(plan, dryRun)).ConfigureAwait(false);
    }

    /// <summary>Every step's outcome and the counts.</summary>
    public async Task WriteResultAsync(DatasourcePlan plan, DatasourceApplyResult result)
    {
        var outcomes = InOutputOrder(result.Outcomes).ToList();
        if (format == OutputFormat.Json)
        {
            await output.WriteJsonAsync(json =>
            {
                json.WriteStartObject();
                WriteHeader(json, plan, dryRun: false);
                json.WriteNumber("succeeded", result.Succeeded);
                json.WriteNumber("failed", result.Failed);
                json.WriteNumber("canceled", Count(result, DatasourceStepStatus.Canceled));
                json.WriteNumber("notStarted", result.NotStarted);
                json.WriteStartArray("steps");
                foreach (var outcome in outcomes)
                {
                    json.WriteStartObject();
                    WriteStep(json, outcome.Step);
                    json.WriteString("outcome", OutcomeOf(outcome, forJson: true));
                    WriteStringOrNull(json, "requestId", outcome.RequestId);
                    // A canceled step's exception is the interrupt itself, not an error of the step.
                    if (outcome is { Status: DatasourceStepStatus.Failed, Exception: { } exception })
                    {
                        var error = FailureMapper.Map(exception);
                        json.WriteStartObject("error");
                        json.WriteString("code", output.Mask(error.Code));
                        json.WriteString("message", output.Mask(error.Message));
                        json.WriteEndObject();
                    }
                    else
                    {
                        json.WriteNull("error");
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        if (outcomes.Count > 0)
        {
            var rows = outcomes.Select(o => (IReadOnlyList<string>)
                [o.Step.Name, TypeOf(o.Step), ActionOf(o.Step), OutcomeOf(o, forJson: false), o.RequestId ?? "-"]).ToList();
            foreach (var line in TextTable.Lines(ResultHeaders, rows))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync(SummaryLine(result)).ConfigureAwait(false);
    }

    /// <summary>For example <c>created</c>, <c>failed</c>, <c>not started</c> (<c>notStarted</c> in JSON).</summary>
    public static string OutcomeOf(DatasourceStepOutcome outcome, bool forJson) => outcome.Status switch
    {
        DatasourceStepStatus.Succeeded => outcome.Result switch
        {
            UpsertDatasourceResult { Action: UpsertAction.Created } => "created",
            UpsertDatasourceResult => "updated",
            DeleteDatasourceResult => "deleted",
            _ => "succeeded",
        },
        DatasourceStepStatus.Failed => "failed",
        DatasourceStepStatus.Canceled => "canceled",
        _ => forJson ? "notStarted" : "not started",
    };

    private static string PlanLine(DatasourcePlan plan, bool dryRun)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"plan: {Count(plan, DatasourceAction.Create)} to create, {Count(plan, DatasourceAction.Update)} to update, {Count(plan, DatasourceAction.Delete)} to delete");
        line += plan.PrunePrefix is null ? " (no prune prefix: nothing is deleted)" : $" (prune prefix \"{plan.PrunePrefix}\")";
        return dryRun ? line + "; dry run, nothing applied." : line + ".";
    }

    private static string SummaryLine(DatasourceApplyResult result)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"applied: {result.Succeeded} succeeded, {result.Failed} failed");
        var canceled = Count(result, DatasourceStepStatus.Canceled);
        if (canceled > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", {canceled} canceled (may or may not have taken effect)");
        }

        if (result.NotStarted > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", {result.NotStarted} not started");
        }

        return line + ".";
    }

    private void WriteHeader(Utf8JsonWriter json, DatasourcePlan plan, bool dryRun)
    {
        json.WriteBoolean("dryRun", dryRun);
        WriteStringOrNull(json, "prunePrefix", plan.PrunePrefix);
    }

    private void WriteStep(Utf8JsonWriter json, DatasourcePlanStep step)
    {
        json.WriteString("name", output.Mask(step.Name));
        WriteStringOrNull(json, "type", step.DatasourceType?.Value);
        json.WriteString("action", ActionOf(step));
    }

    private void WriteStringOrNull(Utf8JsonWriter json, string property, string? value)
    {
        if (value is null)
        {
            json.WriteNull(property);
        }
        else
        {
            json.WriteString(property, output.Mask(value));
        }
    }

    private static int Count(DatasourcePlan plan, DatasourceAction action) => plan.Steps.Count(s => s.Action == action);

    private static int Count(DatasourceApplyResult result, DatasourceStepStatus status) => result.Outcomes.Count(o => o.Status == status);

    private static string ActionOf(DatasourcePlanStep step) => step.Action switch
    {
        DatasourceAction.Create => "create",
        DatasourceAction.Update => "update",
        _ => "delete",
    };

    // A delete's type is not known: the API lists names only.
    private static string TypeOf(DatasourcePlanStep step) => step.DatasourceType?.Value ?? "-";

    /// <summary>The outcomes in the order everything about them is printed: deletes first, then the plan's order.</summary>
    public static IEnumerable<DatasourceStepOutcome> InOutputOrder(IEnumerable<DatasourceStepOutcome> outcomes) => DeletesFirst(outcomes, o => o.Step);

    private static IEnumerable<T> DeletesFirst<T>(IEnumerable<T> items, Func<T, DatasourcePlanStep> step)
    {
        var list = items.ToList();
        return list.Where(item => step(item).Action == DatasourceAction.Delete).Concat(list.Where(item => step(item).Action != DatasourceAction.Delete));
    }
}
