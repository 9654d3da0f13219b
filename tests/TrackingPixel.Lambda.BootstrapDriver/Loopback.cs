using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrackingPixel.Lambda.BootstrapDriver;

/// <summary>
/// A Kestrel server on 127.0.0.1 (port 0) running one request delegate: the same stack as the tests' fake Runtime API,
/// minus everything optional.
/// </summary>
internal static class Loopback
{

    /// <summary>
    /// Starts <paramref name="handle"/> as the whole application (no routing, no middleware, no logging).
    /// </summary>
    /// <returns>The running application, and its <c>host:port</c>.</returns>
    public static async Task<(WebApplication App, string Authority)> StartAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();

        // Not the console lifetime: it would hold SIGTERM and Ctrl+C until a host nobody stops had stopped.
        builder.Services.AddSingleton<IHostLifetime, NoLifetime>();
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses
            .First();
        return (app, new Uri(address).Authority);
    }

    public static async ValueTask StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed class NoLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
