namespace Databrain.Client.Models;

/// <summary>One datasource as list returns it: its name (DataBrain never returns credentials).</summary>
public sealed class DatasourceSummary
{
    internal DatasourceSummary(string name, string? id = null)
    {
        Name = name;
        Id = id;
    }

    /// <summary>The datasource's unique name.</summary>
    public string Name { get; }

    /// <summary>
    /// The datasource's id (what sync takes), when the server's answer carries one; the documented list answer does
    /// not, so this is usually <see langword="null"/>.
    /// </summary>
    public string? Id { get; }

    /// <summary>The name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}
