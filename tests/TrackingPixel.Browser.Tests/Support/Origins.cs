using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TrackingPixel.Browser.Tests.Support;

/// <summary>
/// Two loopback origins on their own ports: the collector (pixel and beacon, records in a temp folder) and a site
/// whose pages embed it, so every request the browser makes to the collector is cross-origin.
/// </summary>
public sealed class Origins : IAsyncDisposable
{
    private Origins(WebApplication collector, WebApplication site, string records)
    {
        Collector = collector;
        Site = site;
        Records = records;
    }

    public WebApplication Collector { get; }

    public WebApplication Site { get; }

    public string Records { get; }

    public Uri CollectorUrl => Address(Collector);

    public Uri SiteUrl => Address(Site);

    public static async Task<Origins> StartAsync()
    {
        var records = Directory.CreateTempSubdirectory("trackingpixel-browser-").FullName;
        var collector = Slim();
        collector.Services.AddTrackingPixel()
            .AddStandardFields()
            .AddHeaderField("referer", "Referer")
            .UseFilePublisher(o => o.Directory = records);
        var collectorApp = collector.Build();
        collectorApp.MapTrackingPixel("/pixel.gif");
        collectorApp.MapTrackingPixelBeacon("/beacon");
        await collectorApp.StartAsync();

        var site = Slim().Build();
        var pixel = new Uri(Address(collectorApp), "/pixel.gif");
        var beacon = new Uri(Address(collectorApp), "/beacon");
        site.MapGet(
            "/plain.html", () => Page($"""<img id="p" src="{pixel}?userid=plain" width="1" height="1" alt="">"""));
        site.MapGet(
            "/hidden.html", () => Page($"""<img id="p" src="{pixel}?userid=hidden" style="display:none" alt="">"""));
        site.MapGet("/coep.html", (HttpContext context) =>
        {
            // The page may embed only resources that opt in with Cross-Origin-Resource-Policy.
            context.Response.Headers["Cross-Origin-Embedder-Policy"] = "require-corp";
            return Page($"""<img id="p" src="{pixel}?userid=coep" width="1" height="1" alt="">""");
        });
        site.MapGet("/beacon.html", () => Page($$"""
            <script>
              addEventListener('pagehide', () => navigator.sendBeacon(
                '{{beacon}}?thirdpartyname=beacon-page', JSON.stringify({ userid: 'beacon-user', scrolled: 42 })));
            </script>
            """));
        await site.StartAsync();
        return new Origins(collectorApp, site, records);
    }

    /// <summary>Waits until <paramref name="count"/> records are written, then returns them.</summary>
    public async Task<IReadOnlyList<string>> RecordsAsync(int count)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<string> lines = [];
        while (DateTime.UtcNow < until)
        {
            lines = [.. Directory.EnumerateFiles(Records, "*.ndjson", SearchOption.AllDirectories)
                .SelectMany(f => File.ReadAllText(f).Split('\n')).Where(l => l.Length > 0)];
            if (lines.Count >= count)
            {
                return lines;
            }

            await Task.Delay(50);
        }

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await Collector.StopAsync();
        await Collector.DisposeAsync();
        Directory.Delete(Records, recursive: true);
    }

    private static WebApplicationBuilder Slim()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        return builder;
    }

    private static IResult Page(string body) =>
        Results.Content(
            $"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>",
            "text/html; charset=utf-8");

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
