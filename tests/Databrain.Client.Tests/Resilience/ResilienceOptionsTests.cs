
namespace Databrain.Client.Tests.Resilience;

public sealed class ResilienceOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new DatabrainClientOptions();

        options.Timeout.Should().Be(TimeSpan.FromMinutes(2));
        options.VerifyUnknownOutcome.Should().BeTrue();
        options.Resilience.Enabled.Should().BeTrue();
        options.Resilience.AttemptTimeout.Should().Be(TimeSpan.FromSeconds(60));
        options.Resilience.Retry.Should().BeEquivalentTo(new
        {
            MaxRetries = 3,
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(30),
            MaxRetryAfter = TimeSpan.FromSeconds(30),
        });
        options.Resilience.CircuitBreaker.Should().BeEquivalentTo(new
        {
            Enabled = false,
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(30),
        });
    }

    [Fact]
    public void Validate_CoversEveryResilienceValue_NamingEachProblem()
    {
        var options = new DatabrainClientOptions { ServiceToken = "t" };
        options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(5);
        options.Resilience.Retry = new DatabrainRetryOptions
        {
            MaxRetries = 11,
            BaseDelay = TimeSpan.FromSeconds(-1),
            MaxDelay = TimeSpan.FromDays(2),
            MaxRetryAfter = TimeSpan.FromSeconds(-1),
        };
        options.Resilience.CircuitBreaker = new DatabrainCircuitBreakerOptions
        {
            FailureRatio = 0,
            MinimumThroughput = 1,
            SamplingDuration = TimeSpan.FromMilliseconds(100),
            BreakDuration = TimeSpan.FromDays(2),
        };

        options.Validate().Should().Equal(
            "Resilience.AttemptTimeout must be between 10 milliseconds and one day, or infinite.",
            "Resilience.Retry.MaxRetries must be between 0 and 10.",
            "Resilience.Retry.BaseDelay must be between zero and one day.",
            "Resilience.Retry.MaxDelay must be at least BaseDelay and at most one day.",
            "Resilience.Retry.MaxRetryAfter must be between zero and one day.",
            "Resilience.CircuitBreaker.FailureRatio must be more than 0 and at most 1.",
            "Resilience.CircuitBreaker.MinimumThroughput must be at least 2.",
            "Resilience.CircuitBreaker.SamplingDuration must be between half a second and one day.",
            "Resilience.CircuitBreaker.BreakDuration must be between half a second and one day.");
    }

    [Fact]
    public void Validate_ReportsMissingSubOptions()
    {
        var options = new DatabrainClientOptions { ServiceToken = "t", Resilience = null! };
        var nested = new DatabrainClientOptions { ServiceToken = "t" };
        nested.Resilience.Retry = null!;
        nested.Resilience.CircuitBreaker = null!;

        options.Validate().Should().Equal("Resilience must be set.");
        nested.Validate().Should().Equal("Resilience.Retry must be set.", "Resilience.CircuitBreaker must be set.");
    }

    [Fact]
    public void Validate_AcceptsSwitchedOffValues()
    {
        var options = new DatabrainClientOptions { ServiceToken = "t", Timeout = Timeout.InfiniteTimeSpan };
        options.Resilience.AttemptTimeout = Timeout.InfiniteTimeSpan;
        options.Resilience.Retry.MaxRetries = 0;
        options.Resilience.Retry.BaseDelay = TimeSpan.Zero;
        options.Resilience.Retry.MaxRetryAfter = TimeSpan.Zero;

        options.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Clone_CopiesTheSubOptions_SoTheOriginalsCanChangeFreely()
    {
        var options = new DatabrainClientOptions { ServiceToken = "t" };

        var copy = options.Clone();
        options.Resilience.Enabled = false;
        options.Resilience.Retry.MaxRetries = 9;
        options.Resilience.CircuitBreaker.Enabled = true;

        copy.Resilience.Should().NotBeSameAs(options.Resilience);
        copy.Resilience.Retry.Should().NotBeSameAs(options.Resilience.Retry);
        copy.Resilience.CircuitBreaker.Should().NotBeSameAs(options.Resilience.CircuitBreaker);
        copy.Resilience.Enabled.Should().BeTrue();
        copy.Resilience.Retry.MaxRetries.Should().Be(3);
        copy.Resilience.CircuitBreaker.Enabled.Should().BeFalse();
    }

    [Fact]
    public async Task TheClient_IsUnaffectedByChangesToTheSubOptionsAfterItWasBuilt()
    {
        using var api = new ApiServer();
        api.Given("GET", ApiServer.DatasourcePath, 503, "");
        var options = api.Options();
        var client = new DatabrainClient(options);

        options.Resilience.Retry.MaxRetries = 0;
        options.Resilience.Enabled = false;
        await Record.ExceptionAsync(() => client.GetDatasourcePageAsync(1));

        api.Received.Should().HaveCount(4);
    }

    [Fact]
    public void ToString_ShowsTheResilienceSettings_AndStillMasksTheToken()
    {
        var options = new DatabrainClientOptions { ServiceToken = "sk-live-very-secret" };

        options.ToString().Should().NotContain("sk-live-very-secret")
            .And.Contain("VerifyUnknownOutcome = True")
            .And.Contain("AttemptTimeout = 00:01:00")
            .And.Contain("MaxRetries = 3")
            .And.Contain("MaxRetryAfter = 00:00:30")
            .And.Contain("CircuitBreaker = { Enabled = False");
    }
}
