using System.Text.Json.Serialization.Metadata;
using Databrain.Client.Diagnostics;
using Databrain.Client.Models;
using Databrain.Client.Serialization;
using Databrain.Client.Transport;
using Polly;

namespace Databrain.Client.Pipeline;

/// <summary>
/// One call as the client built it: the operation (decided once, here, and carried to the retry rules, the outcome
/// check and the telemetry), what it sends, how Refit sends it, and the type its success answer is read as. Its
/// mutable part is the state of the run: whether a retry is pending and the call's telemetry.
/// </summary>
internal sealed class ApiRequest
{
    /// <summary>Where the request travels in Polly's context, to the retry strategy's decisions.</summary>
    public static readonly ResiliencePropertyKey<ApiRequest> ContextKey = new("Databrain.ApiRequest");

    private readonly Func<IDatabrainApi, ApiRequest, string, CancellationToken, Task<HttpResponseMessage>> _send;

    private ApiRequest(
        DatabrainOperation operation,
        JsonTypeInfo responseType,
        Func<IDatabrainApi, ApiRequest, string, CancellationToken, Task<HttpResponseMessage>> send,
        string? datasourceName = null,
        DatasourceCredentials? credentials = null,
        RequestBody? body = null,
        int pageNumber = 0)
    {
        Operation = operation;
        ResponseType = responseType;
        _send = send;
        DatasourceName = datasourceName;
        Credentials = credentials;
        Body = body;
        PageNumber = pageNumber;
    }

    public DatabrainOperation Operation { get; }

    /// <summary>The source-generated metadata the success body is read with.</summary>
    public JsonTypeInfo ResponseType { get; }

    /// <summary>The datasource the call is about (create, update, delete), for the outcome check and telemetry.</summary>
    public string? DatasourceName { get; }

    /// <summary>The credentials sent (create, update): their secrets are masked wherever a server echoes them.</summary>
    public DatasourceCredentials? Credentials { get; }

    public RequestBody? Body { get; }

    public int PageNumber { get; }

    /// <summary>Whether sending it twice does no harm (list, update, sync); create and delete are not.</summary>
    public bool IsRepeatable => Operation is DatabrainOperation.List or DatabrainOperation.Update or DatabrainOperation.Sync;

    /// <summary>The call's timer while it runs (the retry policy keeps its waits within the call's time).</summary>
    public CallTimer? Timer { get; set; }

    /// <summary>For a list page read by the outcome check: the create or delete it checks (its log line says so).</summary>
    public DatabrainOperation? OutcomeCheckOf { get; set; }

    /// <summary>The call's telemetry, when anyone listens.</summary>
    public OperationScope? Scope { get; set; }

    public static ApiRequest Create(DatasourceCredentials credentials, TenancySettings? tenancySettings) => new(
        DatabrainOperation.Create,
        DatabrainJsonContext.Default.NameResponse,
        static (api, request, authorization, ct) => api.CreateAsync(request.Body!.NewContent(), authorization, ct),
        credentials.Name,
        credentials,
        WriteBody(credentials, tenancySettings));

    public static ApiRequest Update(DatasourceCredentials credentials, TenancySettings? tenancySettings) => new(
        DatabrainOperation.Update,
        DatabrainJsonContext.Default.NameResponse,
        static (api, request, authorization, ct) => api.UpdateAsync(request.Body!.NewContent(), authorization, ct),
        credentials.Name,
        credentials,
        WriteBody(credentials, tenancySettings));

    public static ApiRequest List(int pageNumber) => new(
        DatabrainOperation.List,
        DatabrainJsonContext.Default.ListResponse,
        static (api, request, authorization, ct) => api.ListAsync(request.PageNumber, authorization, ct),
        pageNumber: pageNumber);

    public static ApiRequest Delete(string name) => new(
        DatabrainOperation.Delete,
        DatabrainJsonContext.Default.DeleteResponse,
        static (api, request, authorization, ct) => api.DeleteAsync(request.DatasourceName!, RequestBody.Empty.NewContent(), authorization, ct),
        name);

    public static ApiRequest Sync(string datasourceId) => new(
        DatabrainOperation.Sync,
        DatabrainJsonContext.Default.SyncResponse,
        static (api, request, authorization, ct) => api.SyncAsync(request.Body!.NewContent(), authorization, ct),
        body: RequestBody.Serialize(new SyncRequest(new SyncInput(datasourceId)), DatabrainJsonContext.Default.SyncRequest));

    /// <summary>Sends one attempt through Refit.</summary>
    public Task<HttpResponseMessage> SendAsync(IDatabrainApi api, string authorization, CancellationToken cancellationToken) =>
        _send(api, this, authorization, cancellationToken);

    private static RequestBody WriteBody(DatasourceCredentials credentials, TenancySettings? tenancySettings) =>
        RequestBody.Serialize(new DatasourceRequest(credentials, tenancySettings), DatabrainJsonContext.Default.DatasourceRequest);
}
