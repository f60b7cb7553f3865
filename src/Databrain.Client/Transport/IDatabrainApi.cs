using Refit;

namespace Databrain.Client.Transport;

/// <summary>
/// The datasource API's routes, as Refit's generated (reflection-free) client sends them. Internal: callers use
/// <see cref="DatabrainClient"/>. Refit owns the routes and the per-attempt <c>Authorization</c> header; the SDK owns the rest (the fixed <c>Accept</c> and
/// <c>User-Agent</c> headers are the <see cref="HttpClient"/>'s defaults, see <c>Pipeline/HttpStack</c>). Bodies arrive already
/// serialized (<see cref="RequestBody"/>: bytes, so <c>Content-Length</c> is sent) and every method answers the raw
/// <see cref="HttpResponseMessage"/>, so an error status is data for the SDK to read, not a Refit exception. Each
/// call is one attempt: the call runner (<c>Pipeline/CallRunner</c>) calls again for a retry.
/// </summary>
internal interface IDatabrainApi
{
    [Post("/api/v2/datasource")]
    Task<HttpResponseMessage> CreateAsync(
        [Body] HttpContent body, [Header("Authorization")] string authorization, CancellationToken cancellationToken);

    [Put("/api/v2/datasource")]
    Task<HttpResponseMessage> UpdateAsync(
        [Body] HttpContent body, [Header("Authorization")] string authorization, CancellationToken cancellationToken);

    [Get("/api/v2/datasource?isPagination=true")]
    Task<HttpResponseMessage> ListAsync(
        [AliasAs("pageNumber")] int pageNumber, [Header("Authorization")] string authorization, CancellationToken cancellationToken);

    // An explicit empty body (Content-Length: 0): SocketsHttpHandler silently resends a request without content,
    // up to 3 times, when the server closes the connection before answering, and a delete may already have happened.
    [Delete("/api/v2/datasource")]
    Task<HttpResponseMessage> DeleteAsync(
        [AliasAs("datasourceName")] string datasourceName, [Body] HttpContent body, [Header("Authorization")] string authorization, CancellationToken cancellationToken);

    [Post("/api/v2/datasource/sync")]
    Task<HttpResponseMessage> SyncAsync(
        [Body] HttpContent body, [Header("Authorization")] string authorization, CancellationToken cancellationToken);
}
