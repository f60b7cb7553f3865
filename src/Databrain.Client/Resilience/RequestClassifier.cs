namespace Databrain.Client.Resilience;

/// <summary>
/// Which datasource operation a request is, from its method and path alone (so a pipeline that only sees the
/// <see cref="HttpRequestMessage"/> can apply the operation's retry rules). The base address may carry a path
/// prefix (a self-hosted DataBrain under <c>/databrain</c>), so the path is matched on its end.
/// </summary>
internal static class RequestClassifier
{
    private const string DatasourcePath = "/api/v2/datasource";
    private const string SyncPath = "/api/v2/datasource/sync";

    /// <summary>The operation, or <see langword="null"/> for a request this SDK does not send (treated like a create).</summary>
    public static DatabrainOperation? Classify(HttpRequestMessage? request)
    {
        if (request?.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            return null;
        }

        var path = uri.AbsolutePath.AsSpan().TrimEnd('/');
        var method = request.Method;
        if (path.EndsWith(SyncPath, StringComparison.Ordinal))
        {
            return method == HttpMethod.Post ? DatabrainOperation.Sync : null;
        }

        if (!path.EndsWith(DatasourcePath, StringComparison.Ordinal))
        {
            return null;
        }

        if (method == HttpMethod.Post)
        {
            return DatabrainOperation.Create;
        }

        if (method == HttpMethod.Put)
        {
            return DatabrainOperation.Update;
        }

        if (method == HttpMethod.Get)
        {
            return DatabrainOperation.List;
        }

        return method == HttpMethod.Delete ? DatabrainOperation.Delete : null;
    }
}
