namespace Databrain.Client.DesiredState;

/// <summary>Reported after each finished step of an apply.</summary>
public sealed class DatasourceApplyProgress
{
    internal DatasourceApplyProgress(DatasourceStepOutcome finished, int completed, int failed, int total)
    {
        Finished = finished;
        Completed = completed;
        Failed = failed;
        Total = total;
    }

    /// <summary>The step that just finished.</summary>
    public DatasourceStepOutcome Finished { get; }

    /// <summary>Steps finished so far, failures included.</summary>
    public int Completed { get; }

    /// <summary>Steps failed so far.</summary>
    public int Failed { get; }

    /// <summary>Steps in the plan.</summary>
    public int Total { get; }
}
