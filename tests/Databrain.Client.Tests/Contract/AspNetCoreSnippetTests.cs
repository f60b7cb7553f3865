using System.Net;
using System.Text;
using Databrain.Samples.Snippets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Databrain.Client.Tests.Contract;

/// <summary>
/// The README's ASP.NET Core endpoint (samples/Databrain.Samples.Snippets/AspNetCoreSnippets.cs) on Kestrel, in front
/// of a loopback DataBrain: a validation failure is the standard 400 ValidationProblemDetails body, and nothing is sent.
/// </summary>
public sealed class AspNetCoreSnippetTests : IAsyncLifetime
{
    private readonly ApiServer _api = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        // Isolated from the test process's ASPNETCORE_* and appsettings.json.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(_api.CreateClient());
        _app = builder.Build();
        _app.MapDatasources();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _api.Dispose();
    }

    [Fact]
    public void TheRegion_AppearsVerbatimInTheReadme()
    {
        var region = SnippetRegions.Read("AspNetCoreSnippets.cs")["validation-problem"];

        RepositoryFiles.Read("README.md").Should().Contain(region, "README.md must show the endpoint as it compiles");
    }

    [Fact]
    public async Task Post_WithAMisspeltField_Answers400ValidationProblemDetails_GroupedByWirePath_AndSendsNothing()
    {
        const string body = """
            {"datasourceType": "postgres", "credentials": {"name": "pg", "host": "db.example.com", "port": 5432, "user": "dbuser",
             "password": "hunter2-secret", "database": "analytics", "schema": "public", "sslmode": true}}
            """;

        using var response = await PostAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var answer = await response.Content.ReadAsStringAsync();
        JsonAssert.Equivalent(
            """
            {
              "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
              "title": "One or more validation errors occurred.",
              "status": 400,
              "errors": {
                "credentials.user": ["not a postgres field; did you mean \"username\"?"],
                "credentials.sslmode": ["not a postgres field; did you mean \"sslMode\"?"],
                "credentials.username": ["is required."]
              }
            }
            """,
            answer);
        answer.Should().NotContain("hunter2");
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_WithAMisspeltType_Answers400NamingTheTypeMeant()
    {
        using var response = await PostAsync("""{"datasourceType": "postgress", "credentials": {"name": "pg"}}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonAssert.Equivalent(
            """
            {
              "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
              "title": "One or more validation errors occurred.",
              "status": 400,
              "errors": {"datasourceType": ["unknown type \"postgress\"; did you mean \"postgres\"?"]}
            }
            """,
            await response.Content.ReadAsStringAsync());
        _api.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_WithValidCredentials_CreatesTheDatasourceAndAnswers201()
    {
        _api.Given("POST", ApiServer.DatasourcePath, 200, """{"name": "production-postgres"}""");
        var credentials = CredentialSamples.Json("postgres/minimal");

        using var response = await PostAsync($$"""{"datasourceType": "postgres", "credentials": {{credentials}}}""");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location.Should().Be(new Uri("/datasources/production-postgres", UriKind.Relative));
        JsonAssert.Equivalent("""{"name": "production-postgres"}""", await response.Content.ReadAsStringAsync());
        JsonAssert.Equivalent($$"""{"datasourceType": "postgres", "credentials": {{credentials}}}""", _api.Received.Single().Body);
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _http.PostAsync(new Uri("/datasources", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}
