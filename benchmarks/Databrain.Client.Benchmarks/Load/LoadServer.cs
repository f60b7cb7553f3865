using System.Net;
using Databrain.Client.Benchmarks.Canned;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Databrain.Client.Benchmarks.Load;

/// <summary>
/// A minimal Kestrel server on 127.0.0.1 answering the canned responses. It listens on one loopback
/// port per contestant, so each contestant's connection pool can be counted on its own.
/// </summary>
internal sealed class LoadServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoadServer(WebApplication app, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        Addresses = addresses;
    }

    /// <summary>One <c>http://127.0.0.1:port/</c> address per requested listener.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    public static async Task<LoadServer> StartAsync(int listeners)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i < listeners; i++)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
        });

        var app = builder.Build();
        app.Run(AnswerAsync);
        await app.StartAsync().ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(address => new Uri(address.EndsWith('/') ? address : address + "/"))
            .OrderBy(address => address.Port)
            .ToList();
        if (addresses.Count != listeners || addresses.Any(address => !IPAddress.IsLoopback(IPAddress.Parse(address.Host))))
        {
            throw new InvalidOperationException("The load server must listen on 127.0.0.1 only.");
        }

        return new LoadServer(app, addresses);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        await request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        var answer = CannedResponses.Answer(request.Method, request.Path.Value, request.QueryString.Value, conflictOnCreate: false);

        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = CannedResponses.ContentType;
        response.ContentLength = answer.Body.Length;
        await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
