using System.Collections.Concurrent;

namespace Databrain.Client.Tests.DesiredState;

/// <summary>
/// Records, client side, when each request starts and when its answer has arrived (<c>start DELETE</c>,
/// <c>end POST</c>), in one sequence, and signals the first request of a method.
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _firstOfMethod = new();

    /// <summary>Every event in the order it happened.</summary>
    public IReadOnlyList<string> Events => _events.ToArray();

    /// <summary>Completes when the first request with this method starts.</summary>
    public Task Started(HttpMethod method) => Signal(method.Method).Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        _events.Enqueue("start " + method);
        Signal(method).TrySetResult();
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            _events.Enqueue("end " + method);
        }
    }

    private TaskCompletionSource Signal(string method) =>
        _firstOfMethod.GetOrAdd(method, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
