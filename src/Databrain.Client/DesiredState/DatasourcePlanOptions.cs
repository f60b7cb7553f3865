namespace Databrain.Client.DesiredState;

/// <summary>How <see cref="DatabrainClient.PlanDatasourcesAsync(IEnumerable{DatasourceDefinition}, DatasourcePlanOptions?, CancellationToken)"/> plans.</summary>
public sealed class DatasourcePlanOptions
{
    /// <summary>
    /// When set, datasources on the server whose name starts with this prefix (ordinal) and that are not in the desired
    /// set are deleted. <see langword="null"/> (the default): nothing is ever deleted.
    /// </summary>
    public string? PrunePrefix { get; set; }
}
