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

    /// <summary>Builds the app from command-line arguments: <c>--port 5080</c> (0 picks a free port),
    /// <c>--records ./records</c>, or <c>--kinesis-stream NAME-OR-ARN</c> to publish to Kinesis instead.</summary>
    /// <param name="args">The command-line arguments; <c>TRACKINGPIXEL_PORT</c>, <c>TRACKINGPIXEL_RECORDS</c> and
    /// <c>TRACKINGPIXEL_KINESIS_STREAM</c> are read when they are absent.</param>
    /// <returns>The app, not yet started.</returns>
    /// <exception cref="ArgumentException">The port is not a number from 0 to 65535.</exception>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var port = DefaultPort;
        if (Setting(builder.Configuration, "port", "TRACKINGPIXEL_PORT") is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
        {
            throw new ArgumentException($"The port must be a number from 0 to 65535 (0 picks a free one); got '{text}'.");
        }

        var records = Path.GetFullPath(Setting(builder.Configuration, "records", "TRACKINGPIXEL_RECORDS") ?? "records");

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        // One line per request from ASP.NET Core would bury the welcome text; problems still show. The hosting layer's
        // per-request category is switched off entirely: while it is enabled at any level, every request also gets an
        // Activity and a logging scope, which costs throughput and that layer only logs requests starting and finishing.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        var pixel = builder.Services.AddTrackingPixel().AddStandardFields();
        if (Setting(builder.Configuration, "kinesis-stream", "TRACKINGPIXEL_KINESIS_STREAM") is { } stream)
        {
            // Region, credentials and AWS_ENDPOINT_URL_KINESIS come from the standard AWS environment variables.
            pixel.UseKinesisPublisher(o => o.Stream = stream);
        }
        else
        {
            pixel.UseFilePublisher(o => o.Directory = records);
        }

        var app = builder.Build();
        app.MapTrackingPixel("/pixel.gif");
        return app;
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
        return Path.GetFullPath(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TrackingPixel.Publishing.FilePublisherOptions>>().Value.Directory);
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
        output.WriteLine($"  <img src=\"{example.Replace("&", "&amp;", StringComparison.Ordinal)}\" width=\"1\" height=\"1\" alt=\"\">");
        output.WriteLine("Or try it from a shell:");
        output.WriteLine($"  curl -s -o /dev/null -A 'Mozilla/5.0' '{example}'");
        var kinesis = app.Services.GetService<IOptions<KinesisPublisherOptions>>();
        output.WriteLine(kinesis?.Value.Stream is { } stream
            ? $"Records are put to the Kinesis stream {stream}"
            : $"Records are appended under {RecordsFolder(app)}{Path.DirectorySeparatorChar}yyyy/MM/dd/HH/*.ndjson");
        output.WriteLine("Press Ctrl+C to flush and stop.");
    }

    private static string? Setting(ConfigurationManager configuration, string key, string environmentVariable) =>
        configuration[key] is { Length: > 0 } value ? value : Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } env ? env : null;
}
