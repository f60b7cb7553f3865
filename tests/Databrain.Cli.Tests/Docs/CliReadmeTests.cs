using Databrain.Cli.Tests.Support;
using Databrain.Client;
using Databrain.Client.Resilience;

namespace Databrain.Cli.Tests.Docs;

/// <summary>What samples/Databrain.Cli/README.md and the tool's help say about the SDK's behaviour is what the SDK does.</summary>
public sealed class CliReadmeTests
{
    [Fact]
    public void ExitCode9_NamesTheOperationsWhoseOutcomeCanBeUnknown()
    {
        // Only an operation that is never resent blindly (create, delete) can end without knowing whether it was applied.
        var unrepeatable = Enum.GetValues<DatabrainOperation>().Where(operation => !RetryRules.IsRepeatable(operation))
            .Select(operation => operation.ToString().ToLowerInvariant());
        var row = RepositoryFiles.Read("samples", "Databrain.Cli", "README.md").Split('\n').Single(line => line.StartsWith("| 9 |", StringComparison.Ordinal));

        row.Should().Contain($"(a {string.Join(" or ", unrepeatable)} may or may not have been applied: list before retrying)");
    }

    [Fact]
    public async Task SyncHelp_SaysWhereADatasourceIdComesFrom()
    {
        var result = await CliRunner.RunAsync(CliRunner.Environment(new Uri("http://127.0.0.1:1/"), "some-token"), "datasource", "sync", "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().ContainInOrder(
            "Arguments:",
            "  <datasource-id>  The datasource's id, not its name: in DataBrain's web app, the datasource's page has it in its address (?id=...)");
    }
}
