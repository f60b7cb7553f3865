using System.Net.Http.Headers;
using Databrain.Client.Pipeline;
using Databrain.Client.Resilience;
using Databrain.Client.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Databrain.Client.Tests.Resilience;

/// <summary>The pieces the pipeline decides with, on their own: the request's operation, the retry table, backoff, Retry-After.</summary>
public sealed class RetryRuleTests
{
    [Fact]
    public void EachRequest_CarriesItsOperation_DecidedWhereTheClientBuildsIt()
    {
        var credentials = ApiServer.Postgres();

        new[]
        {
            ApiRequest.Create(credentials, null), ApiRequest.Update(credentials, null), ApiRequest.List(2),
            ApiRequest.Delete("a/b"), ApiRequest.Sync("3f1c"),
        }.Select(r => (r.Operation, r.IsRepeatable)).Should().Equal(
            (DatabrainOperation.Create, false), (DatabrainOperation.Update, true), (DatabrainOperation.List, true),
            (DatabrainOperation.Delete, false), (DatabrainOperation.Sync, true));
    }

    [Theory]
    [InlineData(DatabrainOperation.List, new[] { 408, 429, 500, 502, 503, 504 })]
    [InlineData(DatabrainOperation.Update, new[] { 408, 429, 500, 502, 503, 504 })]
    [InlineData(DatabrainOperation.Sync, new[] { 408, 429, 500, 502, 503, 504 })]
    [InlineData(DatabrainOperation.Create, new[] { 429, 503 })]
    [InlineData(DatabrainOperation.Delete, new[] { 429, 503 })]
    public void OnlyTheStatusesTheOperationCanSurviveAreRetried(DatabrainOperation operation, int[] retried)
    {
        var statuses = Enumerable.Range(200, 400);

        statuses.Where(s => RetryRules.IsRetryableStatus(operation, s)).Should().Equal(retried);
    }

    [Theory]
    [MemberData(nameof(TransportFailures.Kinds), MemberType = typeof(TransportFailures))]
    public void ATransportFailure_ProvesNothingWasSent_OnlyBeforeTheRequestLeft(string failure, bool retriedForCreate, bool neverSent, string described)
    {
        var exception = TransportFailures.Named(failure);

        RetryRules.ShouldRetry(DatabrainOperation.Create, Polly.Outcome.FromException<Answer>(exception), CancellationToken.None)
            .Should().Be(retriedForCreate);
        RetryRules.NeverSent(exception).Should().Be(neverSent);
        TransportFailure.Describe(exception).Should().Be(described);
    }

    [Fact]
    public void Backoff_GrowsExponentiallyWithJitter_AndStopsAtMaxDelay()
    {
        var policy = new DatabrainRetryPolicy(
            new DatabrainRetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) },
            NullLogger.Instance,
            TimeProvider.System);

        for (var i = 0; i < 200; i++)
        {
            policy.Backoff(0).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.5)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
            policy.Backoff(1).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(2));
            policy.Backoff(2).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(4));
            policy.Backoff(9).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2.5)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(5));
        }

        Enumerable.Range(0, 50).Select(_ => policy.Backoff(3)).Distinct().Should().HaveCountGreaterThan(1, "jitter spreads the delays");
    }

    [Fact]
    public void RetryAfter_ReadsSecondsOrAnHttpDate_RelativeToTheClock_NeverNegative()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

        TimeSpan? RetryAfter(RetryConditionHeaderValue? value)
        {
            using var response = new HttpResponseMessage();
            response.Headers.RetryAfter = value;
            return ResponseHeaderReader.RetryAfter(response.Headers, clock);
        }

        RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))).Should().Be(TimeSpan.FromSeconds(7));
        RetryAfter(new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(42))).Should().Be(TimeSpan.FromSeconds(42));
        RetryAfter(new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(-5))).Should().Be(TimeSpan.Zero);
        RetryAfter(null).Should().BeNull();
        ResponseHeaderReader.RetryAfter(null, clock).Should().BeNull();
    }
}
