using Refit;

namespace Databrain.Client.Transport;

/// <summary>
/// The datasource API as Refit sees it (its generated implementation, no reflection). Internal: callers
/// use <see cref="DatabrainClient"/>. Every method answers <see cref="IApiResponse{T}"/>, so an error status
/// is data to map, not a Refit exception.
/// </summary>
internal interface IDatabrainApi
{
    [Post("/api/v2/datasource")]
    Task<IApiResponse<NameResponse>> CreateAsync([Body(buffered: true)] DatasourceRequest request, CancellationToken cancellationToken);

    [Put("/api/v2/datasource")]
    Task<IApiResponse<NameResponse>> UpdateAsync([Body(buffered: true)] DatasourceRequest request, CancellationToken cancellationToken);

    [Get("/api/v2/datasource")]
    Task<IApiResponse<ListResponse>> ListAsync(
        [AliasAs("isPagination")] string isPagination,
        [AliasAs("pageNumber")] string pageNumber,
        CancellationToken cancellationToken);

    [Delete("/api/v2/datasource")]
    Task<IApiResponse<DeleteResponse>> DeleteAsync([AliasAs("datasourceName")] string datasourceName, CancellationToken cancellationToken);

    [Post("/api/v2/datasource/sync")]
    Task<IApiResponse<SyncResponse>> SyncAsync([Body(buffered: true)] SyncRequest request, CancellationToken cancellationToken);
}
