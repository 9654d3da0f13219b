using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace TrackingPixel.AspNetCore.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, serving the pixel and writing records to a temp
/// folder.</summary>
public sealed class PixelServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Time = new(2024, 5, 1, 12, 34, 56, 789, TimeSpan.Zero);

    private bool _stopped;

    private PixelServer(WebApplication app, string records)
    {
        App = app;
        Records = records;
        var address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses
            .First();
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromMinutes(1),
        };
    }

    public WebApplication App { get; }

    public string Records { get; }

    public HttpClient Client { get; }

    public static async Task<PixelServer> StartAsync(
        Action<ITrackingPixelBuilder>? configure = null,
        Action<WebApplication>? map = null,
        Action<IServiceCollection>? services = null,
        string pattern = "/pixel.gif")
    {
        var records = Directory.CreateTempSubdirectory("trackingpixel-aspnetcore-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Time));
        var pixel = builder.Services.AddTrackingPixel()
            .AddStandardFields()
            .UseFilePublisher(o => o.Directory = records);
        configure?.Invoke(pixel);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapTrackingPixel(pattern);
        map?.Invoke(app);
        await app.StartAsync();
        return new PixelServer(app, records);
    }

    /// <summary>Stops the server and disposes it, which closes the record file, then returns every line
    /// written.</summary>
    public async Task<IReadOnlyList<string>> StopAndReadLinesAsync()
    {
        await DisposeAppAsync();
        return ReadLines(Records);
    }

    public static IReadOnlyList<string> ReadLines(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.ndjson", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllText(f).Split('\n'))
            .Where(line => line.Length > 0)];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await DisposeAppAsync();
        Directory.Delete(Records, recursive: true);
    }

    private async Task DisposeAppAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
