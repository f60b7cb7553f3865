using Databrain.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Databrain.Samples.HostedApp;

/// <summary>Logs every datasource of the organization once, then stops the app.</summary>
public sealed partial class DatasourceInventory(DatabrainClient client, ILogger<DatasourceInventory> logger, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var count = 0;
            await foreach (var datasource in client.ListDatasourcesAsync(stoppingToken))
            {
                LogDatasource(datasource.Name);
                count++;
            }

            LogDone(count);
        }
        catch (DatabrainAuthenticationException e)
        {
            LogAuthenticationFailed(e.Status, e.RequestId);
        }
        catch (DatabrainException e)
        {
            LogFailed(e.GetType().Name, e.Message);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Datasource {Name}")]
    private partial void LogDatasource(string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} datasources")]
    private partial void LogDone(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The service token was refused (HTTP {Status}, request {RequestId})")]
    private partial void LogAuthenticationFailed(int? status, string? requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Listing failed: {ExceptionType}: {Message}")]
    private partial void LogFailed(string exceptionType, string message);
}
