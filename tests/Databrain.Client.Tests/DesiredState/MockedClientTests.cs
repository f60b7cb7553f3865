using System.Runtime.CompilerServices;
using Databrain.Client.DesiredState;
using Databrain.Client.Models;

namespace Databrain.Client.Tests.DesiredState;

/// <summary>
/// Plan and apply run over a client's virtual methods, so a mock (the protected constructor, no transport) that
/// overrides list, upsert and delete can plan and apply; the model factory builds every result they return.
/// </summary>
public sealed class MockedClientTests
{
    [Fact]
    public async Task PlanAndApply_RunOverAMocksOverrides()
    {
        var client = new FakeClient(["app-sales", "app-old"]);
        var plan = await client.PlanDatasourcesAsync(
            [new DatasourceDefinition { Credentials = ApiServer.Postgres("app-sales") }, new DatasourceDefinition { Credentials = ApiServer.Postgres("app-bad") }],
            new DatasourcePlanOptions { PrunePrefix = "app-" });

        var result = await client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = 1 });

        client.Calls.Should().Equal("upsert app-sales", "upsert app-bad", "delete app-old");
        result.Outcomes.Select(o => o.Status).Should().Equal(
            DatasourceStepStatus.Succeeded, DatasourceStepStatus.Failed, DatasourceStepStatus.Succeeded);
        result.Outcomes[0].RequestId.Should().Be("req-app-sales");
        result.Outcomes[1].Exception.Should().BeOfType<CredentialTestFailedException>().Which.RequestId.Should().Be("req-bad");
    }

    [Fact]
    public void TheFactory_BuildsEveryDesiredStateResult()
    {
        var definition = new DatasourceDefinition { Credentials = ApiServer.Postgres("orders") };
        var step = DatabrainModelFactory.DatasourcePlanStep("orders", DatasourceAction.Update, definition);
        var plan = DatabrainModelFactory.DatasourcePlan([step], "app-");
        var upsert = DatabrainModelFactory.UpsertDatasourceResult(UpsertAction.Updated, "orders", "req-1");
        var outcome = DatabrainModelFactory.DatasourceStepOutcome(step, DatasourceStepStatus.Succeeded, upsert, elapsed: TimeSpan.FromSeconds(2));
        var progress = DatabrainModelFactory.DatasourceApplyProgress(outcome, 1, 0, 1);
        var applied = DatabrainModelFactory.DatasourceApplyResult([outcome], TimeSpan.FromSeconds(3));

        (plan.Steps.Single(), plan.PrunePrefix).Should().Be((step, "app-"));
        step.ToString().Should().Be("update orders");
        upsert.ToString().Should().Contain("updated orders");
        (upsert.Action, upsert.Status, upsert.RequestId).Should().Be((UpsertAction.Updated, 200, "req-1"));
        (outcome.RequestId, outcome.Elapsed).Should().Be(("req-1", TimeSpan.FromSeconds(2)));
        (progress.Finished, progress.Completed, progress.Failed, progress.Total).Should().Be((outcome, 1, 0, 1));
        (applied.IsSuccess, applied.Succeeded, applied.Elapsed, applied.WasCanceled).Should().Be((true, 1, TimeSpan.FromSeconds(3), false));
    }

    [Fact]
    public void TheFactory_RefusesAStepWhoseDefinitionDoesNotFitItsAction()
    {
        var definition = new DatasourceDefinition { Credentials = ApiServer.Postgres("orders") };

        FluentActions.Invoking(() => DatabrainModelFactory.DatasourcePlanStep("orders", DatasourceAction.Create)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => DatabrainModelFactory.DatasourcePlanStep("other", DatasourceAction.Update, definition)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => DatabrainModelFactory.DatasourcePlanStep("orders", DatasourceAction.Delete, definition)).Should().Throw<ArgumentException>();
        DatabrainModelFactory.DatasourcePlanStep("orders", DatasourceAction.Delete).Definition.Should().BeNull();
    }

    private sealed class FakeClient(string[] existing) : DatabrainClient
    {
        private readonly List<string> _calls = [];

        public IReadOnlyList<string> Calls => _calls;

        public override async IAsyncEnumerable<DatasourceSummary> ListDatasourcesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            foreach (var name in existing)
            {
                yield return DatabrainModelFactory.DatasourceSummary(name);
            }
        }

        public override Task<UpsertDatasourceResult> UpsertDatasourceAsync(
            DatasourceCredentials credentials, TenancySettings? tenancySettings = null, CancellationToken cancellationToken = default)
        {
            _calls.Add("upsert " + credentials.Name);
            return credentials.Name == "app-bad"
                ? Task.FromException<UpsertDatasourceResult>(
                    new CredentialTestFailedException(DatabrainOperation.Create, 400, "CREDENTIAL_TEST_FAILED", "refused", "req-bad"))
                : Task.FromResult(DatabrainModelFactory.UpsertDatasourceResult(UpsertAction.Updated, credentials.Name, "req-" + credentials.Name));
        }

        public override Task<DeleteDatasourceResult> DeleteDatasourceAsync(string name, CancellationToken cancellationToken = default)
        {
            _calls.Add("delete " + name);
            return Task.FromResult(DatabrainModelFactory.DeleteDatasourceResult(name, "id-1"));
        }
    }
}
