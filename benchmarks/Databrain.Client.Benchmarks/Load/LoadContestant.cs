namespace Databrain.Client.Benchmarks.Load;

/// <summary>One client under load: its name, the server port its pool talks to, and one call.</summary>
internal sealed record LoadContestant(string Name, Uri Address, Func<Task> Call);
