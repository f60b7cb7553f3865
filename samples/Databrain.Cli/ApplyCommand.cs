using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Databrain.Client;
using Databrain.Client.DesiredState;
using Databrain.Client.Models;

namespace Databrain.Cli;

/// <summary>
/// <c>datasource apply --file FILE|-</c>: makes the organization's datasources match a definitions file (see
/// docs/desired-state.md). The file is read and checked whole first (exit 2, nothing sent); then one listing gives
/// the plan; then, unless <c>--dry-run</c>, the SDK upserts and deletes. Exit 0 when every step succeeded,
/// <see cref="ExitCodes.AppliedWithFailures"/> when any failed (each listed on standard error).
/// </summary>
internal sealed class ApplyCommand(CliSession session)
{
    public Command Build()
    {
        var file = new Option<string>(DefinitionsInput.Option)
        {
            Description = "The definitions file: a JSON array of create request bodies ({datasourceType, credentials, tenancySettings?}), " +
                "secrets as ${env:NAME} or ${file:PATH}; - for standard input",
            HelpName = "file|-",
            Required = true,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and stop: only list requests are sent" };
        var prunePrefix = new Option<string?>("--prune-prefix")
        {
            Description = "Also delete the datasources whose name starts with this prefix and that are not in the file; without it nothing is deleted",
            HelpName = "prefix",
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (string.IsNullOrWhiteSpace(text))
                {
                    result.AddError("--prune-prefix must not be empty: every datasource not in the file would be deleted.");
                }

                return text;
            },
        };
        var concurrency = new Option<int?>("--concurrency")
        {
            Description = $"How many creates, updates and deletes run at once [default: {new DatasourceApplyOptions().MaxConcurrency}]",
            HelpName = "n",
            CustomParser = result => ParseConcurrency(result),
        };
        var rateLimit = new Option<RateLimitSetting?>("--rate-limit")
        {
            Description = "Send at most N requests in any span of SECONDS seconds, for example 500/120 (a self-hosted DataBrain's limit)",
            HelpName = RateLimitSetting.Format,
            CustomParser = result => ParseRateLimit(result),
        };
        var command = new Command("apply", "Make the datasources match a definitions file: create or update each, delete under --prune-prefix")
        {
            file, dryRun, prunePrefix, concurrency, rateLimit,
        };
        command.SetAction(session.Guard(async (parseResult, cancellationToken) =>
        {
            var rate = parseResult.GetValue(rateLimit);
            var client = await session.CreateClientAsync(parseResult, cancellationToken, options => ConfigureRateLimit(options, rate)).ConfigureAwait(false);
            var definitions = await DefinitionsInput.ReadAsync(parseResult.GetRequiredValue(file), session, cancellationToken).ConfigureAwait(false);
            foreach (var definition in definitions.Where(d => d.Credentials is CustomCredentials))
            {
                // The escape hatch: say so, so that a type the user meant as a known one is not sent unnoticed.
                await session.Output.WriteNoteAsync(
                    $"\"{definition.Credentials.DatasourceType}\" ({definition.Name}) is not a datasource type this SDK knows; sending its fields as they are.")
                    .ConfigureAwait(false);
            }

            var plan = await client.PlanDatasourcesAsync(
                definitions, new DatasourcePlanOptions { PrunePrefix = parseResult.GetValue(prunePrefix) }, cancellationToken).ConfigureAwait(false);
            var format = session.Format(parseResult);
            var report = new ApplyReport(session.Output, format);
            var isDryRun = parseResult.GetValue(dryRun);
            await report.WritePlanAsync(plan, isDryRun).ConfigureAwait(false);
            if (isDryRun)
            {
                return ExitCodes.Success;
            }

            var applyOptions = new DatasourceApplyOptions();
            if (parseResult.GetValue(concurrency) is { } maxConcurrency)
            {
                applyOptions.MaxConcurrency = maxConcurrency;
            }

            var progress = new ApplyProgressReporter(session.Output, format, session.IsTerminal);
            DatasourceApplyResult result;
            try
            {
                result = await client.ApplyDatasourcesAsync(plan, applyOptions, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                progress.Finish();
            }

            await report.WriteResultAsync(plan, result).ConfigureAwait(false);
            foreach (var failed in ApplyReport.InOutputOrder(result.Outcomes).Where(o => o.Status == DatasourceStepStatus.Failed && o.Exception is not null))
            {
                var error = FailureMapper.Map(failed.Exception!);
                await session.Output.WriteErrorAsync(new CliError(error.ExitCode, error.Code, $"{failed.Step.Name}: {error.Message}")).ConfigureAwait(false);
            }

            if (result.WasCanceled)
            {
                // Reported as an interrupt (exit 130), after the table of what did and did not run.
                throw new OperationCanceledException(cancellationToken);
            }

            return result.Failed > 0 ? ExitCodes.AppliedWithFailures : ExitCodes.Success;
        }));
        return command;
    }

    private static void ConfigureRateLimit(DatabrainClientOptions options, RateLimitSetting? rate)
    {
        if (rate is not null)
        {
            options.RateLimit = new DatabrainRateLimitOptions { Enabled = true, PermitLimit = rate.Permits, Window = rate.Window };

            // The wait for a permit counts against the call's timeout and can last up to a window: a call gets that
            // on top of its usual time, so a limited bulk run does not turn into timeouts.
            options.Timeout += rate.Window;
        }
    }

    private static int? ParseConcurrency(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
        {
            return number;
        }

        result.AddError($"--concurrency must be a whole number, 1 or more: '{text}' is not.");
        return null;
    }

    private static RateLimitSetting? ParseRateLimit(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (RateLimitSetting.TryParse(text, out var setting))
        {
            return setting;
        }

        result.AddError($"--rate-limit must be N/SECONDS: N a whole number, 1 or more; SECONDS from 0.01 to 86400 (for example 500/120): '{text}' is not.");
        return null;
    }
}
