using Databrain.Soak;

namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// The chaos soak of docs/resilience.md, small: the same code as the benchmarks' <c>soak</c> command, 4 workers sharing
/// one client for 40 cycles against the emulator under seeded faults, with drops raised to 5 % before and 10 % after
/// processing. The invariants must hold for any interleaving of the workers.
/// </summary>
/// <remarks>
/// Which request a seeded fault hits depends on the order in which requests reach the emulator, and 4 workers reach it
/// in an order the machine's load decides (a CI run with the test legs in parallel once gave no outcome-unknown
/// delete that had not happened). So the test that every ambiguous path happens runs one worker: one order, the same
/// faults on every run. Seed 3 then gives 4 / 7 creates and 1 / 5 deletes whose outcome-unknown answer was true / false.
/// </remarks>
public sealed class ChaosSoakTests
{
    private static readonly SoakOptions Small = new(
        Workers: 4, Cycles: 40, Seed: 3, MaxDuration: TimeSpan.FromMinutes(2), DropBeforeRate: 0.05, DropAfterRate: 0.10);

    [Fact]
    public async Task Soak_FourWorkersFortyCycles_KeepsEveryInvariant()
    {
        var report = await SoakRun.RunAsync(Small);
        var printed = new StringWriter();
        report.Print(printed);
        var because = printed.ToString();

        report.ForeignExceptions.Should().BeEmpty(because);
        report.DuplicateCreates.Should().BeEmpty(because);
        report.DuplicateDeletes.Should().BeEmpty(because);
        report.UnknownOutcomes.Where(unknown => unknown.IsWrong).Should().BeEmpty(because);
        report.WrongAnswers.Should().Be(0, because);
        report.Contradictions.Should().BeEmpty(because);
        report.Ended.Should().BeTrue(because);
        report.Stopped.Should().BeFalse(because);
        report.CompletedCycles.Should().Be(40, because);
        report.LeftInStore.Should().BeEmpty(because);
        report.LeftBehind.Should().BeEmpty(because);
        report.SocketsAtEnd.Established.Should().BeLessThanOrEqualTo(4, because);
        report.Invariants.Should().HaveCount(8).And.OnlyContain(invariant => invariant.Holds, because);
        report.Passed.Should().BeTrue(because);
    }

    [Fact]
    public async Task Soak_WithItsSeed_ExercisesEveryAmbiguousPath_AndEveryFault()
    {
        var report = await SoakRun.RunAsync(Small with { Workers = 1 });

        report.UnknownOutcomes.Should().Contain(u => u.Operation == DatabrainOperation.Create && u.Reported == true && u.Exists);
        report.UnknownOutcomes.Should().Contain(u => u.Operation == DatabrainOperation.Create && u.Reported == false && !u.Exists);
        report.UnknownOutcomes.Should().Contain(u => u.Operation == DatabrainOperation.Delete && u.Reported == true && u.Exists);
        report.UnknownOutcomes.Should().Contain(u => u.Operation == DatabrainOperation.Delete && u.Reported == false && !u.Exists);
        report.Faults.Should().HaveCount(4).And.OnlyContain(fault => fault.Value > 0);
        report.DroppedAfterProcessingByOperation.Should().ContainKey(Emulator.EmulatorOperation.Create);
        report.Outcomes.Where(o => o.Key.Outcome.StartsWith("foreign", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public void SoakOptions_ReadTheCommandLine()
    {
        var options = SoakOptions.Parse(
            ["--workers", "8", "--cycles", "200", "--seed", "-4", "--minutes", "2", "--unavailable", "0.1", "--rate-limited", "0",
             "--drop-before", "0.03", "--drop-after", "0.2", "--jitter-ms", "0"]);

        options.Should().Be(new SoakOptions(8, 200, -4, TimeSpan.FromMinutes(2), 0.1, 0, 0.03, 0.2, TimeSpan.Zero));
        options.Limit.Should().Be(TimeSpan.FromMinutes(2));
        SoakOptions.Parse([]).Should().Be(new SoakOptions());
        new SoakOptions().Limit.Should().Be(TimeSpan.FromMinutes(5));
        new SoakOptions().Jitter.Should().Be(TimeSpan.FromMilliseconds(15));
    }

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--cycles", "many")]
    [InlineData("--drop-after", "1.5")]
    [InlineData("--jitter-ms", "-1")]
    [InlineData("--speed", "1")]
    [InlineData("--workers")]
    public void SoakOptions_RefuseWhatTheyCannotRead(params string[] args)
    {
        var act = () => SoakOptions.Parse(args);
        act.Should().Throw<ArgumentException>();
    }
}
