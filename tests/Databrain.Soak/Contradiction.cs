using Databrain.Client;

namespace Databrain.Soak;

/// <summary>
/// A definite answer the emulator's state contradicts: a create that succeeded but left no datasource, a create that
/// failed (not outcome-unknown) but left one, and the same for delete.
/// </summary>
/// <param name="Operation">Create or delete.</param>
/// <param name="Name">The datasource's name.</param>
/// <param name="Outcome">What the call returned or threw.</param>
/// <param name="Exists">Whether the emulator held a datasource of that name right after.</param>
public sealed record Contradiction(DatabrainOperation Operation, string Name, string Outcome, bool Exists)
{
    /// <summary>For example <c>create 'soak-1-000042': DatabrainServerException, exists true</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Operation.ToString().ToLowerInvariant()} '{Name}': {Outcome}, exists {Exists.ToString().ToLowerInvariant()}";
}
