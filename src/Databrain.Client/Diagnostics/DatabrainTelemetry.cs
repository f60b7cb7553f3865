using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Databrain.Client.Pipeline;
using Databrain.Client.Transport;

namespace Databrain.Client.Diagnostics;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/> (both named <c>Databrain.Client</c>), their
/// instruments, created once, and the tag names (docs/observability.md lists them). Tags carry the operation, the
/// datasource's type and name, statuses and error codes: never a header, a body, a query value or a credential.
/// </summary>
internal static class DatabrainTelemetry
{
    public const string Name = "Databrain.Client";
    public const string DurationName = "databrain.client.operation.duration";
    public const string RetriesName = "databrain.client.retries";
    public const string ErrorsName = "databrain.client.errors";
    public const string AttemptActivityName = "databrain.http.attempt";

    public const string OperationTag = "databrain.operation";
    public const string DatasourceTypeTag = "databrain.datasource.type";
    public const string DatasourceNameTag = "databrain.datasource.name";
    public const string ErrorCodeTag = "databrain.error.code";
    public const string AttemptsTag = "databrain.attempts";
    public const string MethodTag = "http.request.method";
    public const string StatusTag = "http.response.status_code";
    public const string ResendCountTag = "http.request.resend_count";
    public const string ServerAddressTag = "server.address";
    public const string ServerPortTag = "server.port";
    public const string ErrorTypeTag = "error.type";

    private static readonly object[] StatusCache = [.. Enumerable.Range(100, 500).Select(static s => (object)s)];
    private static readonly string[] StatusTexts = [.. Enumerable.Range(100, 500).Select(static s => s.ToString(CultureInfo.InvariantCulture))];

    public static ActivitySource Source { get; } = new(Name, SdkInfo.Version);

    public static Meter Meter { get; } = new(Name, SdkInfo.Version);

    public static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>(
        DurationName, unit: "s", description: "Duration of DataBrain client operations, retries and waits included.");

    public static Counter<long> Retries { get; } = Meter.CreateCounter<long>(
        RetriesName, unit: "{retry}", description: "Attempts of DataBrain client operations that failed and were retried.");

    public static Counter<long> Errors { get; } = Meter.CreateCounter<long>(
        ErrorsName, unit: "{error}", description: "DataBrain client operations that failed, by error code and type.");

    /// <summary>Whether anything listens to a span or a metric of the SDK (cheap: three flag reads).</summary>
    public static bool IsObserved => Source.HasListeners() || Duration.Enabled || Errors.Enabled;

    /// <summary>The status as a tag value, from a small cache so common statuses allocate nothing.</summary>
    public static object StatusValue(int status) => status is >= 100 and < 600 ? StatusCache[status - 100] : status;

    /// <summary>
    /// OpenTelemetry's <c>error.type</c>: the status code when an error status arrived, otherwise the exception's full
    /// type name. Both are low-cardinality and hold nothing the server or the caller chose.
    /// </summary>
    public static string ErrorType(int? status, Exception? exception) =>
        status is >= 400 ? StatusText(status.Value) : exception?.GetType().FullName ?? "_OTHER";

    /// <summary>
    /// A server's error code, if it has the documented shape (upper-case letters, digits, underscores, at most 64
    /// characters); anything else becomes <c>_OTHER</c>, so a server cannot put free text or a secret into a tag.
    /// </summary>
    public static string? ErrorCode(string? code)
    {
        if (code is null)
        {
            return null;
        }

        if (code.Length is 0 or > 64)
        {
            return "_OTHER";
        }

        foreach (var c in code)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return "_OTHER";
            }
        }

        return code;
    }

    /// <summary>Counts one retry of <paramref name="operation"/> after <paramref name="status"/> or <paramref name="failure"/>.</summary>
    public static void RecordRetry(DatabrainOperation operation, int? status, Exception? failure)
    {
        if (!Retries.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { OperationTag, operation.Verb() },
            { ErrorTypeTag, status is { } s ? StatusText(s) : failure?.GetType().FullName ?? "_OTHER" },
        };
        Retries.Add(1, tags);
    }

    private static string StatusText(int status) =>
        status is >= 100 and < 600 ? StatusTexts[status - 100] : status.ToString(CultureInfo.InvariantCulture);
}
