using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using TrackingPixel.Kinesis;

namespace TrackingPixel.Sample.Local;

/// <summary>The local collector: the pixel on 127.0.0.1, records appended under a local folder (no AWS account
/// needed) or put to a Kinesis data stream.</summary>
public static class LocalPixelApp
{
    /// <summary>The port used when neither <c>--port</c> nor <c>TRACKINGPIXEL_PORT</c> is given.</summary>
    public const int DefaultPort = 5080;

    /// <summary>
    /// Builds the app from command-line arguments: <c>--port 5080</c> (0 picks a free port), <c>--records ./records</c>
    /// or <c>--kinesis-stream NAME-OR-ARN</c> to publish to Kinesis instead, and <c>--click-key</c>, the secret click
    /// links are signed with (a random one per run when absent).
    /// </summary>
    /// <param name="args">
    /// The command-line arguments; <c>TRACKINGPIXEL_PORT</c>, <c>TRACKINGPIXEL_RECORDS</c>,
    /// <c>TRACKINGPIXEL_KINESIS_STREAM</c> and <c>TRACKINGPIXEL_CLICK_KEY</c> are read when they are absent.
    /// </param>
    /// <returns>The app, not yet started.</returns>
    /// <exception cref="ArgumentException">The port is not a number from 0 to 65535.</exception>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var port = DefaultPort;
        if (Setting(builder.Configuration, "port", "TRACKINGPIXEL_PORT") is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
        {
            throw new ArgumentException(
                $"The port must be a number from 0 to 65535 (0 picks a free one); got '{text}'.");
        }

        var records = Path.GetFullPath(Setting(builder.Configuration, "records", "TRACKINGPIXEL_RECORDS") ?? "records");

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        // One line per request from ASP.NET Core would bury the welcome text; problems still show. The hosting layer's
        // per-request category is switched off entirely: while it is enabled at any level, every request also gets an
        // Activity and a logging scope, which costs throughput and that layer only logs requests starting and
        // finishing.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // Without a configured key, one for this run: its links stop verifying when the sample restarts.
        var clickKey = Setting(builder.Configuration, "click-key", "TRACKINGPIXEL_CLICK_KEY")
            ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var pixel = builder.Services.AddTrackingPixel()
            .AddStandardFields()
            .AddClickLinks(o => o.Keys["local"] = clickKey);
        if (Setting(builder.Configuration, "kinesis-stream", "TRACKINGPIXEL_KINESIS_STREAM") is { } stream)
        {
            // Region, credentials and AWS_ENDPOINT_URL_KINESIS come from the standard AWS environment variables.
            pixel.UseKinesisPublisher(o => o.Stream = stream);
        }
        else
        {
            pixel.UseFilePublisher(o => o.Directory = records);
        }

        builder.Services.AddHealthChecks().AddTrackingPixelReadiness();

        var app = builder.Build();
        app.MapTrackingPixel("/pixel.gif");
        app.MapTrackingPixelBeacon("/beacon");
        app.MapTrackingPixelClick("/click");
        app.MapTrackingPixelHealth("/healthz");
        return app;
    }

    /// <summary>
    /// Says why records could not be written under the records folder, or <see langword="null"/> when they can.
    /// </summary>
    /// <param name="app">The app, before it starts.</param>
    /// <returns>A message for the operator naming the folder, the reason and what to do.</returns>
    /// <remarks>The publisher's own readiness check, which the readiness endpoint runs too.</remarks>
    public static async Task<string?> CheckRecordsFolderAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var publisher = app.Services.GetRequiredService<TrackingPixel.Publishing.IRecordPublisher>();
        return publisher is TrackingPixel.Publishing.IPublisherReadiness readiness
            && await readiness.CheckReadinessAsync(CancellationToken.None) is { } problem
            ? $"Could not start: {problem.TrimEnd('.')}. Choose a writable folder with --records <folder>."
            : null;
    }

    /// <summary>Gets the pixel's URL once the app has started, with the port actually bound.</summary>
    /// <param name="app">The started app.</param>
    /// <returns>For example <c>http://127.0.0.1:5080/pixel.gif</c>.</returns>
    public static Uri PixelUrl(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server reports no addresses; start the app first.");
        var address = addresses.First();
        return new Uri(new Uri(address), "/pixel.gif");
    }

    /// <summary>Gets the absolute folder records are written under.</summary>
    /// <param name="app">The app.</param>
    /// <returns>The folder, created on the first record.</returns>
    public static string RecordsFolder(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<TrackingPixel.Publishing.FilePublisherOptions>>();
        return Path.GetFullPath(options.Value.Directory);
    }

    /// <summary>Writes where the pixel is served, an <c>&lt;img&gt;</c> tag to embed, and where records land.</summary>
    /// <param name="app">The started app.</param>
    /// <param name="output">Where to write, usually the console.</param>
    public static void PrintWelcome(WebApplication app, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var url = PixelUrl(app);
        var example = $"{url}?userid=aws_user&thirdpartyname=example.hightrafficwebsite.com";
        output.WriteLine($"TrackingPixel is serving the pixel at {url}");
        output.WriteLine("Embed it in a page or an e-mail:");
        output.WriteLine(
            $"  <img src=\"{example.Replace("&", "&amp;", StringComparison.Ordinal)}\" width=\"1\" height=\"1\" " +
                "alt=\"\">");
        output.WriteLine("Or try it from a shell:");
        output.WriteLine($"  curl -s -o /dev/null -A 'Mozilla/5.0' '{example}'");
        var click = app.Services.GetRequiredService<ClickLinkSigner>()
            .Sign(new Uri(url, "/click"), new Uri("https://example.com/"), parameters: [new("userid", "aws_user")]);
        output.WriteLine("Beacons (navigator.sendBeacon) post to:");
        output.WriteLine($"  {new Uri(url, "/beacon")}");
        output.WriteLine("A signed click link, recorded then redirected to https://example.com/:");
        output.WriteLine($"  {click}");
        output.WriteLine($"Health: {new Uri(url, "/healthz/live")} and {new Uri(url, "/healthz/ready")}");
        var kinesis = app.Services.GetService<IOptions<KinesisPublisherOptions>>();
        output.WriteLine(kinesis?.Value.Stream is { Length: > 0 } stream
            ? $"Records are put to the Kinesis stream {stream}"
            : $"Records are appended under {RecordsFolder(app)}{Path.DirectorySeparatorChar}yyyy/MM/dd/HH/*.ndjson");
        output.WriteLine("Press Ctrl+C to flush and stop.");
    }

    private static string? Setting(ConfigurationManager configuration, string key, string environmentVariable) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } env ? env : null;
}
