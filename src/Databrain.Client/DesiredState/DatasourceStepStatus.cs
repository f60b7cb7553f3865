namespace Databrain.Client.DesiredState;

/// <summary>How one step of an apply ended.</summary>
public enum DatasourceStepStatus
{
    /// <summary>The step succeeded: <see cref="DatasourceStepOutcome.Result"/> holds the server's answer.</summary>
    Succeeded,

    /// <summary>The step failed: <see cref="DatasourceStepOutcome.Exception"/> holds the typed exception.</summary>
    Failed,

    /// <summary>The step was running when the apply was canceled: it may or may not have taken effect.</summary>
    Canceled,

    /// <summary>The step never started (the apply was canceled, or stopped at a failure).</summary>
    NotStarted,
}
