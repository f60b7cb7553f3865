using System.Collections;
using System.Globalization;
using System.Text;

namespace Databrain.Client.Diagnostics;

/// <summary>
/// The one log line of a finished call: its fields as structured properties (<c>Operation</c>, <c>Status</c>,
/// <c>ErrorCode</c>, <c>ErrorType</c>, <c>Attempts</c>, <c>DurationMs</c>, <c>DatasourceType</c>, <c>DatasourceName</c>,
/// <c>RequestId</c>) and a message that names only the ones the call had: no <c>(null)</c> for an answer that never
/// came. Built only when the line is logged.
/// </summary>
internal sealed class CallLogLine : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string Format =
        "DataBrain {Operation}{Purpose} {Outcome}: HTTP {Status}, error code {ErrorCode}, error type {ErrorType}, {Attempts} attempt(s), " +
        "{DurationMs} ms; datasource type {DatasourceType}, name {DatasourceName}; request id {RequestId}.";

    private readonly List<KeyValuePair<string, object?>> _fields = [];
    private readonly string _message;

    public CallLogLine(
        string operation, string? purpose, bool succeeded, int? status, string? errorCode, string? errorType, int attempts, double durationMs,
        string? datasourceType, string? datasourceName, string? requestId)
    {
        var text = new StringBuilder("DataBrain ").Append(operation).Append(purpose).Append(succeeded ? " succeeded: " : " failed: ");
        Add("Operation", operation);
        if (status is { } s)
        {
            text.Append("HTTP ").Append(s.ToString(CultureInfo.InvariantCulture)).Append(", ");
            Add("Status", s);
        }

        if (errorCode is not null)
        {
            text.Append("error code ").Append(errorCode).Append(", ");
            Add("ErrorCode", errorCode);
        }

        if (errorType is not null)
        {
            text.Append("error type ").Append(errorType).Append(", ");
            Add("ErrorType", errorType);
        }

        var duration = durationMs.ToString("0.###", CultureInfo.InvariantCulture);
        text.Append(attempts.ToString(CultureInfo.InvariantCulture)).Append(" attempt(s), ").Append(duration).Append(" ms");
        Add("Attempts", attempts);
        Add("DurationMs", durationMs);
        if (datasourceType is not null || datasourceName is not null)
        {
            text.Append(';');
            if (datasourceType is not null)
            {
                text.Append(" datasource type ").Append(datasourceType);
                Add("DatasourceType", datasourceType);
            }

            if (datasourceName is not null)
            {
                text.Append(datasourceType is null ? " datasource name " : ", name ").Append(datasourceName);
                Add("DatasourceName", datasourceName);
            }
        }

        if (requestId is not null)
        {
            text.Append("; request id ").Append(requestId);
            Add("RequestId", requestId);
        }

        _message = text.Append('.').ToString();
        Add("{OriginalFormat}", Format);
    }

    public int Count => _fields.Count;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _message;

    private void Add(string name, object? value) => _fields.Add(new(name, value));
}
