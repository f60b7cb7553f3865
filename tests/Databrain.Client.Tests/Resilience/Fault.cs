
namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// One row of the fault matrix: how the server misbehaves for requests of the operation under test (any other
/// request, such as the list page an outcome-unknown lookup reads, gets an empty list), and what each operation
/// must end with.
/// </summary>
public sealed class Fault
{
    public required string Name { get; init; }

    /// <summary>Stubs the API server for the operation's method and path.</summary>
    public Action<ApiServer, string, string>? Stub { get; init; }

    /// <summary>Or: what the raw server does with a request of the operation.</summary>
    public RawAnswer? Raw { get; init; }

    /// <summary>Or: the client is pointed at a port nothing listens on.</summary>
    public bool NothingListening { get; init; }

    public TimeSpan AttemptTimeout { get; init; } = FaultMatrix.AttemptTimeout;

    public required Func<DatabrainOperation, Expected> Expect { get; init; }

    public override string ToString() => Name;
}
