namespace Databrain.Emulator;

/// <summary>
/// Tests a datasource's connection when it is created or updated, as DataBrain does before it
/// answers. Chosen per <c>datasourceType</c> through <see cref="DatabrainEmulatorOptions.ConnectionProbes"/>
/// or <see cref="DatabrainEmulator.SetConnectionProbe(string, IConnectionProbe)"/>; built-in ones
/// come from <see cref="ConnectionProbes"/>.
/// </summary>
/// <remarks>
/// Implementations must not log or return secret credential values; the emulator scrubs the
/// failure message as a second line of defence.
/// </remarks>
public interface IConnectionProbe
{
    /// <summary>Tests the connection described by <paramref name="context"/>.</summary>
    /// <param name="context">The datasource type, name and validated credentials.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted or the emulator stops.</param>
    /// <returns>The outcome, with the schema to cache on success.</returns>
    ValueTask<ConnectionProbeResult> ProbeAsync(ConnectionProbeContext context, CancellationToken cancellationToken);
}
