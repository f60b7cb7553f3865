using Databrain.Client;
using Databrain.Client.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Databrain.Samples.Snippets;

/// <summary>
/// An ASP.NET Core endpoint that registers a datasource from a request body shaped like DataBrain's own and answers
/// a validation failure with a standard 400 (<c>ValidationProblemDetails</c>). The region between
/// <c>// &lt;validation-problem&gt;</c> and <c>// &lt;/validation-problem&gt;</c> appears verbatim in README.md;
/// a test runs the endpoint on Kestrel.
/// </summary>
public static class AspNetCoreSnippets
{
    public static IEndpointRouteBuilder MapDatasources(this IEndpointRouteBuilder app)
    {
        // <validation-problem>
        // Body: {"datasourceType": "postgres", "credentials": {...}}, as DataBrain's API takes it.
        app.MapPost("/datasources", async (NewDatasource body, DatabrainClient client, CancellationToken cancellationToken) =>
        {
            try
            {
                var credentials = DatasourceCredentials.FromJson(body.DatasourceType, body.Credentials);
                var created = await client.CreateDatasourceAsync(credentials, cancellationToken: cancellationToken);
                return Results.Created($"/datasources/{Uri.EscapeDataString(created.Name)}", new { created.Name });
            }
            catch (DatabrainValidationException exception)
            {
                // 400 {"title": "One or more validation errors occurred.", "errors": {"credentials.user": [...]}}
                return Results.ValidationProblem(exception.Errors);
            }
        });
        // </validation-problem>
        return app;
    }
}
