namespace Databrain.Client.Models;

/// <summary>One datasource as list returns it: its name only (DataBrain never returns credentials).</summary>
public sealed class DatasourceSummary
{
    internal DatasourceSummary(string name) => Name = name;

    /// <summary>The datasource's unique name.</summary>
    public string Name { get; }

    /// <summary>The name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}
