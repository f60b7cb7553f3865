namespace Databrain.Client.Tests.Observability;

/// <summary>
/// Tests that listen to the process-wide <c>Databrain.Client</c> source and meter run alone, so no other test's
/// calls show up in their exact counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
