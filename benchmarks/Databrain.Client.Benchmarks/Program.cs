using BenchmarkDotNet.Running;
using Databrain.Client.Benchmarks.Load;
using Databrain.Client.Benchmarks.RateLimit;
using Databrain.Soak;

// `load [options]`: the bounded loopback load run; `soak [options]`: the chaos soak (docs/resilience.md);
// `ratelimit [options]`: the client-side rate limit against the emulator's (docs/performance.md); anything else
// goes to BenchmarkDotNet (for example `--filter '*'`, or `--filter '*Create*' --job Dry`).
if (args is ["load", .. var loadArgs])
{
    return await LoadRun.RunAsync(loadArgs);
}

if (args is ["ratelimit", .. var rateLimitArgs])
{
    return await RateLimitRun.RunAsync(rateLimitArgs);
}

if (args is ["soak", .. var soakArgs])
{
    var soakOptions = SoakOptions.Parse(soakArgs);
    Console.WriteLine($"soak: running ({soakOptions.Describe()})");
    var report = await SoakRun.RunAsync(soakOptions);
    report.Print(Console.Out);
    return report.Passed ? 0 : 1;
}

// Non-zero when nothing matched or any benchmark failed (a set-up check threw, a run crashed), so
// scripts can rely on the exit code.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(LoadRun).Assembly).Run(args).ToList();
var reports = summaries.SelectMany(summary => summary.Reports).ToList();
var failed = summaries.Count(summary => summary.HasCriticalValidationErrors) + reports.Count(report => !report.Success);
Console.WriteLine($"benchmarks: {reports.Count(report => report.Success)} passed, {failed} failed");
return summaries.Count == 0 || reports.Count == 0 || failed > 0 ? 1 : 0;
