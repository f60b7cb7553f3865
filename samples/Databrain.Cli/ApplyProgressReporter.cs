using System.Globalization;
using Databrain.Client.DesiredState;

namespace Databrain.Cli;

/// <summary>
/// Shows an apply's progress as steps finish: on a terminal one live line (<c>applying: 3/10 done, 1 failed</c>),
/// rewritten in place; otherwise (a pipe, a CI log) one line per finished step (<c>[3/10] failed shop (CREDENTIAL_TEST_FAILED)</c>).
/// Nothing with <c>--output json</c>: standard output then holds the JSON document only. Called on the SDK's threads,
/// synchronously, so a line is written before the apply returns (<see cref="Progress{T}"/> would post it for later).
/// </summary>
internal sealed class ApplyProgressReporter(CliOutput output, OutputFormat format, bool isTerminal) : IProgress<DatasourceApplyProgress>
{
    public void Report(DatasourceApplyProgress value)
    {
        if (format == OutputFormat.Json)
        {
            return;
        }

        if (isTerminal)
        {
            output.WriteStatus(string.Create(CultureInfo.InvariantCulture, $"applying: {value.Completed}/{value.Total} done, {value.Failed} failed"));
            return;
        }

        var finished = value.Finished;
        var line = string.Create(CultureInfo.InvariantCulture, $"[{value.Completed}/{value.Total}] {ApplyReport.OutcomeOf(finished, forJson: false)} {finished.Step.Name}");
        if (finished is { Status: DatasourceStepStatus.Failed, Exception: { } exception })
        {
            line += $" ({FailureMapper.Map(exception).Code})";
        }

        output.WriteProgressLine(line);
    }

    /// <summary>Clears the live line, if there is one, before the summary is printed.</summary>
    public void Finish()
    {
        if (isTerminal && format == OutputFormat.Text)
        {
            output.ClearStatus();
        }
    }
}
