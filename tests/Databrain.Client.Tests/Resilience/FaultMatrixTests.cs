namespace Databrain.Client.Tests.Resilience;

/// <summary>
/// Every operation against every fault, over loopback: the outcome, the exact number of requests the server saw,
/// and the time the call took, bounded by the timeouts it was expected to sit out. Retries wait zero.
/// </summary>
public sealed class FaultMatrixTests(FaultMatrix matrix) : IClassFixture<FaultMatrix>
{
    public static TheoryData<string, DatabrainOperation> Cells()
    {
        var data = new TheoryData<string, DatabrainOperation>();
        foreach (var (fault, operation) in FaultMatrix.Cells)
        {
            data.Add(fault.Name, operation);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EachOperationMeetingEachFault_EndsAsTheRetryRulesSay_AfterExactlyTheExpectedRequests_WithinItsTimeouts(
        string faultName, DatabrainOperation operation)
    {
        var fault = Faults.Named(faultName);
        var expected = fault.Expect(operation);

        var result = await matrix.RunAsync(fault, operation);

        if (expected.Throws is null)
        {
            result.Exception.Should().BeNull();
            result.Result.Should().Be(expected.Result);
        }
        else
        {
            result.Exception.Should().BeOfType(expected.Throws);
            result.Exception.As<DatabrainException>().Operation.Should().Be(operation);
        }

        result.OperationRequests.Should().HaveCount(expected.Requests);
        result.OtherRequests.Should().HaveCount(expected.Lookups);
        result.OtherRequests.Where(r => r.Method != "GET").Should().BeEmpty("the only other request is the outcome-unknown lookup");
        result.RetryDelays.Should().HaveCount(expected.ExpectedRetries);
        result.Elapsed.Should().BeLessThan(TimeSpan.FromTicks(fault.AttemptTimeout.Ticks * expected.TimedOutAttempts) + FaultMatrix.Slack);
        foreach (var inner in Chain(result.Exception))
        {
            inner.GetType().Assembly.GetName().Name.Should().NotBe("Polly.Core").And.NotBe("Refit", "no Polly or Refit type reaches a caller");
        }

        expected.Also?.Invoke(result);
    }

    [Fact]
    public async Task AcrossTheWholeMatrix_NoCreateOrDeleteIsSentAgainAfterTheServerCouldHaveProcessedIt()
    {
        var resends = 0;
        var violations = new List<string>();
        foreach (var (fault, operation) in FaultMatrix.Cells.Where(c => c.Operation is DatabrainOperation.Create or DatabrainOperation.Delete))
        {
            var result = await matrix.RunAsync(fault, operation);
            for (var i = 0; i + 1 < result.OperationRequests.Count; i++)
            {
                resends++;

                // Only an answer that proves the request was not processed allows the next one.
                if (result.OperationRequests[i].Status is not (429 or 503))
                {
                    violations.Add($"{result}: request {i + 1} was answered {result.OperationRequests[i]} and was followed by another");
                }
            }
        }

        violations.Should().BeEmpty();
        resends.Should().BePositive("the matrix includes faults after which a create or delete is safely sent again");
    }

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
