namespace Databrain.Client.Tests.Contract;

/// <summary>
/// Tests that capture the process-wide <see cref="Console.Out"/> (README code writes to the console, as a
/// reader's copy would) run alone, so no other test's output lands in what they capture.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
