using Databrain.Client.Models;

namespace Databrain.Client.DesiredState;

/// <summary>How one step of an apply ended: its result or its typed exception.</summary>
public sealed class DatasourceStepOutcome
{
    internal DatasourceStepOutcome(DatasourcePlanStep step, DatasourceStepStatus status, DatabrainResult? result, Exception? exception, TimeSpan elapsed)
    {
        Step = step;
        Status = status;
        Result = result;
        Exception = exception;
        Elapsed = elapsed;
    }

    /// <summary>The step.</summary>
    public DatasourcePlanStep Step { get; }

    /// <summary>How it ended.</summary>
    public DatasourceStepStatus Status { get; }

    /// <summary>The answer (an <see cref="UpsertDatasourceResult"/> or a <see cref="DeleteDatasourceResult"/>) when it succeeded.</summary>
    public DatabrainResult? Result { get; }

    /// <summary>The failure (usually a <see cref="DatabrainException"/>) when it failed.</summary>
    public Exception? Exception { get; }

    /// <summary>The request id of the answer or of the failure, if the server sent one.</summary>
    public string? RequestId => Result?.RequestId ?? (Exception as DatabrainException)?.RequestId;

    /// <summary>How long the step took (zero when it never started).</summary>
    public TimeSpan Elapsed { get; }
}
