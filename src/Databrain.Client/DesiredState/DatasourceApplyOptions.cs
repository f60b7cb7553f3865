namespace Databrain.Client.DesiredState;

/// <summary>How <see cref="DatabrainClient.ApplyDatasourcesAsync(DatasourcePlan, DatasourceApplyOptions?, IProgress{DatasourceApplyProgress}?, CancellationToken)"/> runs a plan.</summary>
public sealed class DatasourceApplyOptions
{
    /// <summary>How many steps run at once (default 4, at least 1).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Whether the first failed step stops the apply (no further step starts); default <see langword="false"/>: continue past failures.</summary>
    public bool StopOnFirstFailure { get; set; }
}
