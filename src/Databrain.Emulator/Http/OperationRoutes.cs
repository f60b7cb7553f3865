using Microsoft.AspNetCore.Http;

namespace Databrain.Emulator.Http;

/// <summary>Which DataBrain operation a request's method and path name, as the endpoints are mapped.</summary>
internal static class OperationRoutes
{
    private static readonly PathString DatasourcePath = new(EmulatorEndpoints.DatasourcePath);
    private static readonly PathString SyncPath = new(EmulatorEndpoints.DatasourcePath + "/sync");

    /// <summary>The operation, or <see langword="null"/> when no DataBrain endpoint has this method and path.</summary>
    public static EmulatorOperation? Find(HttpRequest request)
    {
        var path = request.Path.Value is { Length: > 1 } value && value.EndsWith('/') ? new PathString(value.TrimEnd('/')) : request.Path;
        var method = request.Method;
        if (path.Equals(DatasourcePath))
        {
            return method switch
            {
                _ when HttpMethods.IsPost(method) => EmulatorOperation.Create,
                _ when HttpMethods.IsPut(method) => EmulatorOperation.Update,
                _ when HttpMethods.IsGet(method) => EmulatorOperation.List,
                _ when HttpMethods.IsDelete(method) => EmulatorOperation.Delete,
                _ => null,
            };
        }

        return path.Equals(SyncPath) && HttpMethods.IsPost(method) ? EmulatorOperation.Sync : null;
    }
}
