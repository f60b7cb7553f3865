using System.Collections.Concurrent;
using Databrain.Client.DesiredState;
using Databrain.Client.Models;
using Databrain.Emulator;
using static Databrain.Emulator.EmulatorOperation;

namespace Databrain.Client.Tests.DesiredState;

/// <summary>
/// Applying plans against the emulator: exact requests, failures as outcomes, deletes after every upsert, stopping
/// at a failure, cancellation, progress and the concurrency bound. Nothing here waits on the wall clock to decide a
/// result: the ordering and bound tests hold requests in the emulator's connection probe until the event that would
/// expose a bug, with a fallback release so a correct apply is not held forever.
/// </summary>
public sealed class ApplyTests : DesiredStateFixture
{
    private static readonly TimeSpan FallbackRelease = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AMixedPlan_Succeeds_WithExactlyTheRequestsEachStepNeeds_InThePlansOrder()
    {
        await SeedAsync("app-sales", "app-old", "other");
        var plan = await Client.PlanDatasourcesAsync(
            [Definition("app-sales"), Definition("app-orders")], new DatasourcePlanOptions { PrunePrefix = "app-" });
        var mark = Mark();

        var result = await Client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = 1 });

        result.IsSuccess.Should().BeTrue();
        (result.Succeeded, result.Failed, result.Canceled, result.NotStarted, result.WasCanceled).Should().Be((3, 0, 0, 0, false));
        result.Outcomes.Select(o => o.Step).Should().Equal(plan.Steps);
        result.Outcomes[0].Result.Should().BeOfType<UpsertDatasourceResult>().Which.Action.Should().Be(UpsertAction.Updated);
        result.Outcomes[1].Result.Should().BeOfType<UpsertDatasourceResult>().Which.Action.Should().Be(UpsertAction.Created);
        result.Outcomes[2].Result.Should().BeOfType<DeleteDatasourceResult>().Which.Name.Should().Be("app-old");
        result.Outcomes.Should().AllSatisfy(o => o.Exception.Should().BeNull());
        result.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero);
        var sent = Since(mark);
        sent.Select(r => (r.Operation, r.DatasourceName)).Should().Equal(
            (Update, "app-sales"), (Create, "app-orders"), (Delete, "app-old"));
        result.Outcomes[2].RequestId.Should().Be(sent[2].RequestId);
        Emulator.Datasources.Select(d => d.Name).Should().BeEquivalentTo("app-sales", "other", "app-orders");
    }

    [Fact]
    public async Task AnUpdateStep_WhoseDatasourceWasDeletedSinceThePlan_CreatesIt()
    {
        await SeedAsync("app-sales");
        var plan = await Client.PlanDatasourcesAsync([Definition("app-sales")]);
        await Client.DeleteDatasourceAsync("app-sales");
        var mark = Mark();

        var result = await Client.ApplyDatasourcesAsync(plan);

        plan.Steps.Single().Action.Should().Be(DatasourceAction.Update);
        result.Outcomes.Single().Result.Should().BeOfType<UpsertDatasourceResult>().Which.Action.Should().Be(UpsertAction.Created);
        Since(mark).Select(r => (r.Operation, r.DatasourceName)).Should().Equal((Update, "app-sales"), (Create, "app-sales"));
        Emulator.Datasources.Select(d => d.Name).Should().Equal("app-sales");
    }

    [Fact]
    public async Task AFailedCredentialTest_IsThatStepsOutcome_AndTheOtherStepsSucceed()
    {
        Emulator.SetConnectionProbe("postgres", DelegateProbe.Rejecting("bad"));
        var plan = await Client.PlanDatasourcesAsync([Definition("one"), Definition("bad"), Definition("two")]);

        var result = await Client.ApplyDatasourcesAsync(plan);

        result.Outcomes.Select(o => o.Status).Should().Equal(
            DatasourceStepStatus.Succeeded, DatasourceStepStatus.Failed, DatasourceStepStatus.Succeeded);
        var failed = result.Outcomes[1];
        failed.Exception.Should().BeOfType<CredentialTestFailedException>();
        failed.Result.Should().BeNull();
        failed.RequestId.Should().NotBeNullOrEmpty("the failure's request id is the outcome's");
        (result.Succeeded, result.Failed, result.IsSuccess).Should().Be((2, 1, false));
        Emulator.Datasources.Select(d => d.Name).Should().BeEquivalentTo("one", "two");
    }

    [Fact]
    public async Task APrunedDatasourceInUse_IsAFailedDeleteWithItsTypedException()
    {
        await SeedAsync("app-old");
        Emulator.SetInUse("app-old", true);
        var plan = await Client.PlanDatasourcesAsync([], new DatasourcePlanOptions { PrunePrefix = "app-" });

        var result = await Client.ApplyDatasourcesAsync(plan);

        var outcome = result.Outcomes.Should().ContainSingle().Subject;
        outcome.Step.Action.Should().Be(DatasourceAction.Delete);
        outcome.Status.Should().Be(DatasourceStepStatus.Failed);
        outcome.Exception.Should().BeOfType<DatasourceInUseException>();
        Emulator.FindDatasource("app-old").Should().NotBeNull();
    }

    [Fact]
    public async Task StopOnFirstFailure_StartsNoStepAfterTheFailure()
    {
        await SeedAsync("app-old");
        Emulator.SetConnectionProbe("postgres", DelegateProbe.Rejecting("bad"));
        var plan = await Client.PlanDatasourcesAsync(
            [Definition("bad"), Definition("one"), Definition("two")], new DatasourcePlanOptions { PrunePrefix = "app-" });
        var mark = Mark();

        var result = await Client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = 1, StopOnFirstFailure = true });

        result.Outcomes.Select(o => o.Status).Should().Equal(
            DatasourceStepStatus.Failed, DatasourceStepStatus.NotStarted, DatasourceStepStatus.NotStarted, DatasourceStepStatus.NotStarted);
        result.Outcomes.Skip(1).Should().AllSatisfy(o => o.Elapsed.Should().Be(TimeSpan.Zero));
        (result.Failed, result.NotStarted, result.WasCanceled).Should().Be((1, 3, false));
        OperationsSince(mark).Should().Equal(Create);
        Emulator.FindDatasource("app-old").Should().NotBeNull();
    }

    [Fact]
    public async Task Deletes_StartOnlyAfterEveryCreateAndUpdateHasFinished()
    {
        await SeedAsync("app-old");
        var handler = new RecordingHandler();
        var client = ClientThrough(handler);
        var deleteStarted = handler.Started(HttpMethod.Delete);

        // Each upsert is held until a delete starts: an apply that did not wait would show a delete starting first.
        Emulator.SetConnectionProbe("postgres", new DelegateProbe(async (_, _) =>
        {
            await Task.WhenAny(deleteStarted, Task.Delay(FallbackRelease));
            return ConnectionProbeResult.Success();
        }));
        var plan = await client.PlanDatasourcesAsync(
            [Definition("app-one"), Definition("app-two")], new DatasourcePlanOptions { PrunePrefix = "app-" });
        Describe(plan).Should().Equal("create app-one", "create app-two", "delete app-old");

        var result = await client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = 3 });

        result.IsSuccess.Should().BeTrue();
        var events = handler.Events.Where(e => e != "start GET" && e != "end GET").ToList();
        events.Should().HaveCount(6);
        events.TakeLast(2).Should().Equal("start DELETE", "end DELETE");
    }

    [Fact]
    public async Task CancelingAfterTheFirstStep_LeavesTheRestNotStarted_AndReturnsAResult()
    {
        var plan = await Client.PlanDatasourcesAsync([Definition("one"), Definition("two"), Definition("three")]);
        var mark = Mark();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress<DatasourceApplyProgress>(_ => cts.Cancel());

        var result = await Client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = 1 }, progress, cts.Token);

        result.Outcomes.Select(o => o.Status).Should().Equal(
            DatasourceStepStatus.Succeeded, DatasourceStepStatus.NotStarted, DatasourceStepStatus.NotStarted);
        (result.WasCanceled, result.NotStarted, result.IsSuccess).Should().Be((true, 2, false));
        OperationsSince(mark).Should().Equal(Create);
        Emulator.Datasources.Select(d => d.Name).Should().Equal("one");
    }

    [Fact]
    public async Task AProgressCallbackThatThrows_StartsNoFurtherStep_AndItsExceptionReachesTheCaller()
    {
        await SeedAsync("app-old");
        var plan = await Client.PlanDatasourcesAsync(
            [Definition("app-one"), Definition("app-two")], new DatasourcePlanOptions { PrunePrefix = "app-" });
        var mark = Mark();
        var reports = 0;
        var bug = new InvalidOperationException("the caller's progress display broke");
        var progress = new SyncProgress<DatasourceApplyProgress>(_ =>
        {
            reports++;
            throw bug;
        });

        var thrown = await Record.ExceptionAsync(() => Client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = 1 }, progress));

        thrown.Should().BeSameAs(bug);
        reports.Should().Be(1, "a callback that threw is told nothing more");
        OperationsSince(mark).Should().Equal(Create);
        Emulator.FindDatasource("app-old").Should().NotBeNull("the delete phase never started");
    }

    [Fact]
    public async Task CancelingWhileAStepRuns_MakesItCanceled_AndTheNextNotStarted()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Emulator.SetConnectionProbe("postgres", new DelegateProbe(async (_, _) =>
        {
            entered.TrySetResult();
            await release.Task;
            return ConnectionProbeResult.Success();
        }));
        var plan = await Client.PlanDatasourcesAsync([Definition("slow"), Definition("next")]);
        using var cts = new CancellationTokenSource();

        var apply = Client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = 1 }, cancellationToken: cts.Token);
        await entered.Task;
        await cts.CancelAsync();
        var result = await apply;
        release.SetResult();

        result.Outcomes.Select(o => o.Status).Should().Equal(DatasourceStepStatus.Canceled, DatasourceStepStatus.NotStarted);
        result.Outcomes[0].Exception.Should().BeAssignableTo<OperationCanceledException>();
        (result.WasCanceled, result.Canceled, result.NotStarted).Should().Be((true, 1, 1));
    }

    [Fact]
    public async Task ACancellationAfterTheLastStep_IsNotACanceledApply()
    {
        var plan = await Client.PlanDatasourcesAsync([Definition("one")]);
        using var cts = new CancellationTokenSource();

        var result = await Client.ApplyDatasourcesAsync(plan, progress: new SyncProgress<DatasourceApplyProgress>(_ => cts.Cancel()), cancellationToken: cts.Token);

        (result.IsSuccess, result.WasCanceled).Should().Be((true, false));
    }

    [Fact]
    public async Task Progress_IsReportedOncePerFinishedStep_WithCountsThatOnlyGrow()
    {
        await SeedAsync("app-old");
        Emulator.SetConnectionProbe("postgres", DelegateProbe.Rejecting("bad"));
        var plan = await Client.PlanDatasourcesAsync(
            [Definition("one"), Definition("bad"), Definition("two")], new DatasourcePlanOptions { PrunePrefix = "app-" });
        var reports = new ConcurrentQueue<DatasourceApplyProgress>();

        var result = await Client.ApplyDatasourcesAsync(
            plan, new DatasourceApplyOptions { MaxConcurrency = 2 }, new SyncProgress<DatasourceApplyProgress>(reports.Enqueue));

        var seen = reports.ToList();
        seen.Select(r => r.Completed).Should().Equal(1, 2, 3, 4);
        seen.Should().AllSatisfy(r => r.Total.Should().Be(4));
        seen.Select(r => r.Finished.Step).Should().BeEquivalentTo(plan.Steps);
        seen[^1].Failed.Should().Be(1);
        seen.Select(r => r.Failed).Should().BeInAscendingOrder();
        seen.Single(r => r.Finished.Step.Name == "bad").Finished.Status.Should().Be(DatasourceStepStatus.Failed);
        seen[^1].Finished.Step.Action.Should().Be(DatasourceAction.Delete, "deletes run last");
        result.Failed.Should().Be(1);
    }

    [Fact]
    public async Task NoMoreThanMaxConcurrencyStepsRunAtOnce()
    {
        const int maxConcurrency = 2;
        var inFlight = 0;
        var maxInFlight = 0;
        var atBound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tooMany = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fallback = new Lazy<Task>(() => Task.Delay(FallbackRelease));

        // The first requests are held until the bound is reached (no clock: however slow the machine, two are then in
        // flight together), then until one more arrives (a bug) or the fallback, started only then, releases them.
        Emulator.SetConnectionProbe("postgres", new DelegateProbe(async (_, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            if (now >= maxConcurrency)
            {
                atBound.TrySetResult();
            }

            if (now > maxConcurrency)
            {
                tooMany.TrySetResult();
            }

            await atBound.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.WhenAny(tooMany.Task, fallback.Value);
            Interlocked.Decrement(ref inFlight);
            return ConnectionProbeResult.Success();
        }));
        var plan = await Client.PlanDatasourcesAsync(Enumerable.Range(1, 6).Select(i => Definition($"ds-{i}")));

        var result = await Client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = maxConcurrency });

        result.Succeeded.Should().Be(6);
        maxInFlight.Should().Be(maxConcurrency, "the bound is used (two held together) and never passed");
    }

    [Fact]
    public async Task StepsStart_InThePlansOrder()
    {
        var names = Enumerable.Range(1, 5).Select(i => $"ds-{i}").ToArray();
        var plan = await Client.PlanDatasourcesAsync(names.Select(Definition));
        var started = new ConcurrentQueue<string>();
        Emulator.SetConnectionProbe("postgres", new DelegateProbe((context, _) =>
        {
            started.Enqueue(context.Name);
            return Task.FromResult(ConnectionProbeResult.Success());
        }));

        await Client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = 1 });

        started.Should().Equal(names);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task AMaxConcurrencyBelowOne_IsRefused(int maxConcurrency)
    {
        var plan = await Client.PlanDatasourcesAsync([Definition("one")]);
        var mark = Mark();

        var exception = await Record.ExceptionAsync(() =>
            Client.ApplyDatasourcesAsync(plan, new DatasourceApplyOptions { MaxConcurrency = maxConcurrency }));

        exception.Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("MaxConcurrency");
        Since(mark).Should().BeEmpty();
    }

    [Fact]
    public async Task AnEmptyPlan_IsASuccessWithNoOutcome()
    {
        var plan = await Client.PlanDatasourcesAsync([]);

        var result = await Client.ApplyDatasourcesAsync(plan);

        (result.IsSuccess, result.Outcomes.Count, result.WasCanceled).Should().Be((true, 0, false));
    }

    private static IEnumerable<string> Describe(DatasourcePlan plan) => plan.Steps.Select(s => s.ToString());

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
