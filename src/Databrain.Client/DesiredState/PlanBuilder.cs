using System.Collections.ObjectModel;
using System.Globalization;

namespace Databrain.Client.DesiredState;

/// <summary>
/// Plans a desired set against one listing: the set validated as a whole first (nothing is listed when it is
/// invalid), then a create or an update per entry in the set's order, then a delete per listed name under the prune
/// prefix that is not in the set, in ordinal name order. Names compare ordinally (case-sensitive), as DataBrain keys them.
/// </summary>
internal static class PlanBuilder
{
    public static async Task<DatasourcePlan> PlanAsync(
        DatabrainClient client, IEnumerable<DatasourceDefinition> desired, DatasourcePlanOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var prunePrefix = options?.PrunePrefix;
        if (prunePrefix is not null && string.IsNullOrWhiteSpace(prunePrefix))
        {
            throw new ArgumentException(
                "The prune prefix must not be empty or white space: it would delete every datasource not in the set. Use null for no pruning.",
                nameof(options));
        }

        var definitions = Validate(desired);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var datasource in client.ListDatasourcesAsync(cancellationToken).ConfigureAwait(false))
        {
            existing.Add(datasource.Name);
        }

        return Build(definitions, existing, prunePrefix);
    }

    /// <summary>Every problem of the set at once: each entry's own rules, then names that appear twice; paths start with the entry's index.</summary>
    public static IReadOnlyList<DatasourceDefinition> Validate(IEnumerable<DatasourceDefinition> desired)
    {
        var definitions = desired.ToList();
        var problems = new List<ValidationProblem>();
        var firstIndexOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < definitions.Count; index++)
        {
            var entry = Path(index);
            var definition = definitions[index];
            if (definition is null)
            {
                problems.Add(new ValidationProblem(entry, "must not be null."));
                continue;
            }

            if (definition.Credentials is null)
            {
                problems.Add(new ValidationProblem(entry + ".credentials", "is required."));
                continue;
            }

            // An unknown type is the escape hatch (CustomCredentials) and stays allowed; only a blank one is a problem.
            foreach (var problem in DatasourceValidator.Validate(definition.Credentials, definition.TenancySettings))
            {
                problems.Add(problem with { Field = entry + "." + problem.Field });
            }

            var name = definition.Credentials.Name;
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            if (firstIndexOfName.TryGetValue(name, out var first))
            {
                problems.Add(new ValidationProblem(
                    entry + ".credentials.name", $"is the same as {Path(first)}.credentials.name; each name must appear once (names are case-sensitive)."));
            }
            else
            {
                firstIndexOfName[name] = index;
            }
        }

        return problems.Count == 0 ? definitions : throw new DatabrainValidationException(operation: null, problems);
    }

    public static DatasourcePlan Build(IReadOnlyList<DatasourceDefinition> definitions, HashSet<string> existing, string? prunePrefix)
    {
        var steps = new List<DatasourcePlanStep>(definitions.Count);
        var desiredNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            desiredNames.Add(definition.Name);
            var action = existing.Contains(definition.Name) ? DatasourceAction.Update : DatasourceAction.Create;
            steps.Add(new DatasourcePlanStep(definition.Name, action, definition));
        }

        if (prunePrefix is not null)
        {
            var deletes = existing
                .Where(name => name.StartsWith(prunePrefix, StringComparison.Ordinal) && !desiredNames.Contains(name))
                .OrderBy(name => name, StringComparer.Ordinal);
            steps.AddRange(deletes.Select(name => new DatasourcePlanStep(name, DatasourceAction.Delete, definition: null)));
        }

        return new DatasourcePlan(new ReadOnlyCollection<DatasourcePlanStep>(steps), prunePrefix);
    }

    private static string Path(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
