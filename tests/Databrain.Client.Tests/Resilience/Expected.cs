namespace Databrain.Client.Tests.Resilience;

/// <summary>What one cell of the fault matrix must end with.</summary>
/// <param name="Throws">The exact exception type, or <see langword="null"/> for success.</param>
/// <param name="Requests">How many requests of the operation the server saw.</param>
/// <param name="Retries">How many retries the client computed a delay for (defaults to one fewer than the requests).</param>
/// <param name="TimedOutAttempts">How many attempts end by the per-attempt timeout (they set the wall-clock bound).</param>
/// <param name="Result">For success: the result as <c>Operations.InvokeDescribedAsync</c> describes it.</param>
public sealed record Expected(Type? Throws, int Requests, int? Retries = null, int TimedOutAttempts = 0, string? Result = null)
{
    /// <summary>Extra assertions for the cell (delays asked for, properties of the exception).</summary>
    public Action<CellResult>? Also { get; init; }

    public int ExpectedRetries => Retries ?? Math.Max(Requests - 1, 0);

    /// <summary>An outcome-unknown create or delete looks its name up with one list page.</summary>
    public int Lookups => Throws == typeof(DatabrainOutcomeUnknownException) ? 1 : 0;

    public static Expected Success(int requests, string result) => new(null, requests, Result: result);

    public static Expected Failure<TException>(int requests)
        where TException : DatabrainException => new(typeof(TException), requests);
}
