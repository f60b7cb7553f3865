namespace Databrain.Testing;

/// <summary>
/// Which requests a stub of <see cref="ApiServer"/> answers: a method and a path (<see langword="null"/>: any), the
/// query parameters the request must carry, and optionally a step of the server's one scenario, a state machine
/// that starts in <see cref="Started"/> and moves when a stub with a <see cref="ThenState"/> answers.
/// </summary>
public sealed record ApiStub(string? Method, string? Path)
{
    /// <summary>The scenario's state before any stub moved it.</summary>
    public const string Started = "Started";

    /// <summary>Parameters the query must hold (decoded), each with exactly this value.</summary>
    public IReadOnlyList<(string Name, string Value)> Query { get; init; } = [];

    /// <summary>The scenario state this stub answers in; <see langword="null"/>: any (the stub is not part of the scenario).</summary>
    public string? WhenState { get; init; }

    /// <summary>The state the scenario moves to once this stub answered (needs a <see cref="WhenState"/>).</summary>
    public string? ThenState { get; init; }

    /// <summary>Also requires the query parameter <paramref name="name"/> to be <paramref name="value"/>.</summary>
    public ApiStub WithQuery(string name, string value) => this with { Query = [.. Query, (name, value)] };
}
