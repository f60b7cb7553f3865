namespace Databrain.Client.DesiredState;

/// <summary>What an apply did: one outcome per step, in the plan's order, with counts and the time it took.</summary>
public sealed class DatasourceApplyResult
{
    internal DatasourceApplyResult(IReadOnlyList<DatasourceStepOutcome> outcomes, TimeSpan elapsed, bool canceled)
    {
        Outcomes = outcomes;
        Elapsed = elapsed;
        WasCanceled = canceled;
    }

    /// <summary>One outcome per step, in the plan's order.</summary>
    public IReadOnlyList<DatasourceStepOutcome> Outcomes { get; }

    /// <summary>Steps that succeeded.</summary>
    public int Succeeded => Outcomes.Count(o => o.Status == DatasourceStepStatus.Succeeded);

    /// <summary>Steps that failed.</summary>
    public int Failed => Outcomes.Count(o => o.Status == DatasourceStepStatus.Failed);

    /// <summary>Steps that were running when the apply was canceled: they may or may not have taken effect.</summary>
    public int Canceled => Outcomes.Count(o => o.Status == DatasourceStepStatus.Canceled);

    /// <summary>Steps that never started.</summary>
    public int NotStarted => Outcomes.Count(o => o.Status == DatasourceStepStatus.NotStarted);

    /// <summary>Whether every step succeeded.</summary>
    public bool IsSuccess => Outcomes.All(o => o.Status == DatasourceStepStatus.Succeeded);

    /// <summary>Whether the apply was canceled before every step had run.</summary>
    public bool WasCanceled { get; }

    /// <summary>How long the apply took.</summary>
    public TimeSpan Elapsed { get; }
}
