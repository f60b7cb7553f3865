using Databrain.Emulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Databrain.Emulator.Http;

/// <summary>Maps the DataBrain API and the emulator's own endpoints.</summary>
internal static class EmulatorEndpoints
{
    public const string DatasourcePath = "/api/v2/datasource";

    public static void Map(WebApplication app, EmulatorRuntime runtime)
    {
        var pipeline = new EmulatorPipeline(runtime);
        app.Use(pipeline.InvokeAsync);

        var api = new DatasourceApi(runtime);
        app.MapPost(DatasourcePath, api.CreateAsync);
        app.MapPut(DatasourcePath, api.UpdateAsync);
        app.MapGet(DatasourcePath, api.ListAsync);
        app.MapDelete(DatasourcePath, api.DeleteAsync);
        app.MapPost(DatasourcePath + "/sync", api.SyncAsync);

        var control = new ControlApi(runtime);
        app.MapGet("/_emulator/datasources", control.ListDatasourcesAsync);
        app.MapGet("/_emulator/datasources/{name}/schema", control.GetSchemaAsync);
        app.MapPut("/_emulator/datasources/{name}/in-use", control.SetInUseAsync);
        app.MapPut("/_emulator/latency", control.SetLatencyAsync);
        app.MapPost("/_emulator/failures", control.SetFailuresAsync);
        app.MapPost("/_emulator/failures/{operation}", control.SetOperationFailuresAsync);
        app.MapDelete("/_emulator/failures", control.ClearFailuresAsync);
        app.MapPut("/_emulator/drops/{operation}", control.SetDropAsync);
        app.MapDelete("/_emulator/drops", control.ClearDropsAsync);
        app.MapGet("/_emulator/requests", control.ListRequestsAsync);
        app.MapPut("/_emulator/rate-limit", control.SetRateLimitAsync);
        app.MapDelete("/_emulator/rate-limit", control.ClearRateLimitAsync);
        app.MapPut("/_emulator/probes", control.SetProbeAsync);
        app.MapPut("/_emulator/probes/{datasourceType}", control.SetProbeAsync);
        app.MapPost("/_emulator/reset", control.ResetAsync);
    }
}
