using Databrain.Client;

namespace Databrain.Soak;

/// <summary>
/// One <see cref="DatabrainOutcomeUnknownException"/>: what the SDK said about the datasource and what the emulator
/// held for that name when the exception was caught.
/// </summary>
/// <param name="Operation">Create or delete.</param>
/// <param name="Name">The datasource's name.</param>
/// <param name="Reported"><see cref="DatabrainOutcomeUnknownException.DatasourceExists"/>.</param>
/// <param name="Exists">Whether the emulator held a datasource of that name at that moment.</param>
public sealed record UnknownOutcome(DatabrainOperation Operation, string Name, bool? Reported, bool Exists)
{
    /// <summary>The SDK said true or false, and it was not so. <see langword="null"/> (unknown) is never wrong.</summary>
    public bool IsWrong => Reported is { } reported && reported != Exists;

    /// <summary>For example <c>create 'soak-1-000042': reported false, exists true</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Operation.ToString().ToLowerInvariant()} '{Name}': reported {Reported?.ToString().ToLowerInvariant() ?? "null"}, exists {Exists.ToString().ToLowerInvariant()}";
}
