using Databrain.Client.Models;

namespace Databrain.Client.DesiredState;

/// <summary>One step of a <see cref="DatasourcePlan"/>: a datasource's name, what happens to it, and (for a create or update) its definition.</summary>
public sealed class DatasourcePlanStep
{
    internal DatasourcePlanStep(string name, DatasourceAction action, DatasourceDefinition? definition)
    {
        Name = name;
        Action = action;
        Definition = definition;
    }

    /// <summary>The datasource's name.</summary>
    public string Name { get; }

    /// <summary>What happens to it.</summary>
    public DatasourceAction Action { get; }

    /// <summary>The desired definition; <see langword="null"/> for a delete.</summary>
    public DatasourceDefinition? Definition { get; }

    /// <summary>The type, when the step has a definition (a delete's type is not known: the API lists names only).</summary>
    public DatasourceType? DatasourceType => Definition?.Credentials.DatasourceType;

    /// <summary>The action and name; never a secret.</summary>
    /// <returns>For example <c>create production-postgres</c>.</returns>
    public override string ToString() => $"{Action.ToString().ToLowerInvariant()} {Name}";
}
