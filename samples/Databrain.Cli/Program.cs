using System.Collections;
using Databrain.Cli;

// The real console and environment; everything else is in DatabrainCli, which tests run in-process.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the call (exit 130); a second one ends the process at once.
    e.Cancel = !interrupted.IsCancellationRequested;
    interrupted.Cancel();
};

var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
{
    environment[(string)variable.Key] = variable.Value as string;
}

return await new DatabrainCli { IsTerminal = !Console.IsOutputRedirected }.RunAsync(args, Console.In, Console.Out, Console.Error, environment, interrupted.Token);
