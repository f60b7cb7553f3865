using Databrain.Client.Resilience;
using Refit;

namespace Databrain.Client.Transport;

/// <summary>
/// The datasource API as Refit sees it (its generated implementation, no reflection). Internal: callers
/// use <see cref="DatabrainClient"/>. Every method answers <see cref="IApiResponse{T}"/>, so an error status
/// is data to map, not a Refit exception. Create and delete carry their <see cref="UnrepeatableCall"/> in the request's
/// options, where the retry strategy records whether a retry is pending.
/// </summary>
internal interface IDatabrainApi
{
    [Post("/api/v2/datasource")]
    Task<IApiResponse<NameResponse>> CreateAsync(
        [Body(buffered: true)] DatasourceRequest request,
        [Property(UnrepeatableCall.OptionKey)] UnrepeatableCall call,
        CancellationToken cancellationToken);

    [Put("/api/v2/datasource")]
    Task<IApiResponse<NameResponse>> UpdateAsync([Body(buffered: true)] DatasourceRequest request, CancellationToken cancellationToken);

    [Get("/api/v2/datasource")]
    Task<IApiResponse<ListResponse>> ListAsync(
        [AliasAs("isPagination")] string isPagination,
        [AliasAs("pageNumber")] string pageNumber,
        CancellationToken cancellationToken);

    [Delete("/api/v2/datasource")]
    Task<IApiResponse<DeleteResponse>> DeleteAsync(
        [AliasAs("datasourceName")] string datasourceName,
        [Property(UnrepeatableCall.OptionKey)] UnrepeatableCall call,
        CancellationToken cancellationToken);

    [Post("/api/v2/datasource/sync")]
    Task<IApiResponse<SyncResponse>> SyncAsync([Body(buffered: true)] SyncRequest request, CancellationToken cancellationToken);
}
