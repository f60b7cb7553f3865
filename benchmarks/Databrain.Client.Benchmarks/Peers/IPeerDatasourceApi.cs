using Databrain.Client.Benchmarks.Floor;
using Refit;

namespace Databrain.Client.Benchmarks.Peers;

/// <summary>
/// The same five endpoints as the SDK's internal Refit interface, written the way Refit's documentation
/// shows: methods return the body (<see cref="Task{TResult}"/>) and a failure is an <see cref="ApiException"/>.
/// </summary>
public interface IPeerDatasourceApi
{
    [Post("/api/v2/datasource")]
    Task<WireName> CreateAsync([Body] WireDatasourceRequest request, CancellationToken cancellationToken = default);

    [Put("/api/v2/datasource")]
    Task<WireName> UpdateAsync([Body] WireDatasourceRequest request, CancellationToken cancellationToken = default);

    [Get("/api/v2/datasource")]
    Task<WireList> ListAsync(
        [AliasAs("isPagination")] string isPagination,
        [AliasAs("pageNumber")] int pageNumber,
        CancellationToken cancellationToken = default);

    [Delete("/api/v2/datasource")]
    Task<WireDeleted> DeleteAsync([AliasAs("datasourceName")] string datasourceName, CancellationToken cancellationToken = default);
}
