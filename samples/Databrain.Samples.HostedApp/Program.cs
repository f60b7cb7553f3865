// A Generic Host app: the client comes from DI, configured from appsettings.json, environment
// variables and user-secrets, and logs through ILogger.
//
// The service token is a secret: never put it in appsettings.json. Provide it as
//   DATABRAIN__SERVICETOKEN=...                       (environment variable), or
//   dotnet user-secrets set Databrain:ServiceToken ... (read when DOTNET_ENVIRONMENT=Development)
// and point Databrain:BaseAddress (DATABRAIN__BASEADDRESS) at a self-hosted DataBrain or the emulator.
using Databrain.Samples.HostedApp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddDatabrainClient(builder.Configuration.GetSection("Databrain"));
builder.Services.AddHostedService<DatasourceInventory>();

await builder.Build().RunAsync();
