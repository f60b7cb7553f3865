namespace Databrain.Client.DesiredState;

/// <summary>
/// What applying a desired set would do, from one listing of the organization's datasources: a step per name, creates
/// and updates in the set's order, then deletes.
/// </summary>
public sealed class DatasourcePlan
{
    internal DatasourcePlan(IReadOnlyList<DatasourcePlanStep> steps, string? prunePrefix)
    {
        Steps = steps;
        PrunePrefix = prunePrefix;
    }

    /// <summary>The steps in the order apply starts them (deletes last).</summary>
    public IReadOnlyList<DatasourcePlanStep> Steps { get; }

    /// <summary>The prune prefix the plan was made with, if any.</summary>
    public string? PrunePrefix { get; }
}
