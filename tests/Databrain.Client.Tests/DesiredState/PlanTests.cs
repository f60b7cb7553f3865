using System.Text.Json;
using Databrain.Client.DesiredState;
using Databrain.Client.Models;
using static Databrain.Emulator.EmulatorOperation;

namespace Databrain.Client.Tests.DesiredState;

/// <summary>
/// Planning against the emulator: one listing, a create or update per entry, deletes only under a prune prefix, and
/// the whole set validated (every problem at once) before anything is sent.
/// </summary>
public sealed class PlanTests : DesiredStateFixture
{
    [Fact]
    public async Task AMixedSet_PlansCreatesAndUpdatesInTheSetsOrder_WithOneListRequest()
    {
        await SeedAsync("sales", "stale");
        var mark = Mark();

        var plan = await Client.PlanDatasourcesAsync([Definition("orders"), Definition("sales")]);

        Describe(plan).Should().Equal("create orders", "update sales");
        plan.Steps[0].Definition!.Credentials.Should().BeOfType<PostgresCredentials>();
        plan.Steps[1].DatasourceType.Should().Be(DatasourceType.Postgres);
        plan.PrunePrefix.Should().BeNull();
        OperationsSince(mark).Should().Equal(List);
    }

    [Fact]
    public async Task TheListing_IsReadInOnePassOverItsPages()
    {
        var names = Enumerable.Range(1, 12).Select(i => $"ds-{i:D2}").ToArray();
        await SeedAsync(names);
        var mark = Mark();

        var plan = await Client.PlanDatasourcesAsync([Definition("ds-12"), Definition("ds-13")]);

        Describe(plan).Should().Equal("update ds-12", "create ds-13");
        OperationsSince(mark).Should().Equal(List, List);
    }

    [Fact]
    public async Task APrunePrefix_DeletesOnlyNamesUnderItThatAreNotInTheSet_InNameOrder()
    {
        await SeedAsync("app-zeta", "app-keep", "other-old", "App-upper", "app", "app-alpha");

        var plan = await Client.PlanDatasourcesAsync(
            [Definition("app-keep"), Definition("app-new"), Definition("other-new")], new DatasourcePlanOptions { PrunePrefix = "app-" });

        Describe(plan).Should().Equal(
            "update app-keep", "create app-new", "create other-new", "delete app-alpha", "delete app-zeta");
        plan.Steps.Where(s => s.Action == DatasourceAction.Delete).Should().AllSatisfy(s =>
        {
            s.Definition.Should().BeNull();
            s.DatasourceType.Should().BeNull();
        });
        plan.PrunePrefix.Should().Be("app-");
    }

    [Fact]
    public async Task WithoutAPrunePrefix_NothingIsEverDeleted()
    {
        await SeedAsync("app-old", "other-old");

        var withoutOptions = await Client.PlanDatasourcesAsync([Definition("app-new")]);
        var withoutPrefix = await Client.PlanDatasourcesAsync([], new DatasourcePlanOptions());

        Describe(withoutOptions).Should().Equal("create app-new");
        withoutPrefix.Steps.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AnEmptyOrWhiteSpacePrunePrefix_IsRefused_BeforeAnythingIsSent(string prefix)
    {
        var exception = await Record.ExceptionAsync(() =>
            Client.PlanDatasourcesAsync([Definition("orders")], new DatasourcePlanOptions { PrunePrefix = prefix }));

        exception.Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("every datasource");
        Emulator.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task AnInvalidSet_ReportsEveryProblemAtOnce_ByEntryIndex_AndSendsNothing()
    {
        DatasourceDefinition[] desired =
        [
            Definition("orders"),
            new() { Credentials = ApiServer.Postgres("broken") with { Host = "", Port = 0 } },
            Definition("orders"),
            new() { Credentials = new CustomCredentials("cockroachdb") { Name = "roach", Fields = { ["host"] = JsonSerializer.SerializeToElement("db") } } },
            new() { Credentials = ApiServer.Postgres("tenanted"), TenancySettings = new TenancySettings { TenancyLevel = TenancyLevel.Table } },
            new() { Credentials = new CustomCredentials(default) { Name = "typeless" } },
            null!,
            Definition("orders"),
        ];

        var exception = await Record.ExceptionAsync(() => Client.PlanDatasourcesAsync(desired));

        var invalid = exception.Should().BeOfType<DatabrainValidationException>().Subject;
        invalid.Operation.Should().BeNull();
        invalid.Problems.Select(p => p.Field).Should().Equal(
            "[1].credentials.host",
            "[1].credentials.port",
            "[2].credentials.name",
            "[4].tenancySettings.clientColumnType",
            "[4].tenancySettings.schemaName",
            "[4].tenancySettings.tableName",
            "[4].tenancySettings.tableClientNameColumn",
            "[4].tenancySettings.tablePrimaryKeyColumn",
            "[5].datasourceType",
            "[6]",
            "[7].credentials.name");
        invalid.Problems[2].Message.Should().Contain("[0].credentials.name");
        invalid.Problems[^1].Message.Should().Contain("[0].credentials.name");
        invalid.Errors.Keys.Should().NotContain(k => k.StartsWith("[3]", StringComparison.Ordinal), "a type this SDK does not know is the escape hatch");
        Emulator.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task NamesDifferingOnlyInCase_AreDifferentDatasources()
    {
        var plan = await Client.PlanDatasourcesAsync([Definition("orders"), Definition("Orders")]);

        Describe(plan).Should().Equal("create orders", "create Orders");
    }

    [Fact]
    public async Task ATypeThisSdkDoesNotKnow_IsPlanned()
    {
        var roach = new CustomCredentials("cockroachdb") { Name = "roach" };

        var plan = await Client.PlanDatasourcesAsync([new DatasourceDefinition { Credentials = roach }]);

        plan.Steps.Should().ContainSingle().Which.DatasourceType.Should().Be(new DatasourceType("cockroachdb"));
    }

    private static IEnumerable<string> Describe(DatasourcePlan plan) => plan.Steps.Select(s => s.ToString());
}
