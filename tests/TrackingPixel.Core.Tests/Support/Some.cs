using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace TrackingPixel.Tests.Support;

/// <summary>Builds representative requests and pipelines for tests.</summary>
public static class Some
{
    public static readonly DateTimeOffset Time = new(2024, 5, 1, 12, 34, 56, 789, TimeSpan.Zero);

    /// <summary>
    /// The request the original aws-samples README shows:
    /// <c>?userid=aws_user&amp;thirdpartyname=example.hightrafficwebsite.com</c>.
    /// </summary>
    public static PixelRequest OriginalExampleRequest() => Request(
        "userid=aws_user&thirdpartyname=example.hightrafficwebsite.com",
        new Dictionary<string, string>
        {
            ["user-agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " +
                "Chrome/124.0 Safari/537.36",
        });

    public static PixelRequest Request(
        string rawQuery = "",
        Dictionary<string, string>? headers = null,
        string? peer = "203.0.113.7") =>
        new()
        {
            Method = "GET",
            Path = "/pixel.gif",
            RawQuery = rawQuery,
            Headers = RequestHeaders.FromDictionary(headers ?? []),
            PeerAddress = peer,
            Timestamp = Time,
            RequestId = "req-1",
        };

    /// <summary>A pipeline with the five standard fields, publishing into <paramref name="publisher"/>.</summary>
    public static ServiceProvider Services(
        Action<ITrackingPixelBuilder>? configure = null,
        Action<TrackingPixelOptions>? options = null,
        CollectingPublisher? publisher = null,
        CollectingSink? sink = null,
        CollectingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(b => b.AddProvider(logs));
        }

        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Time));
        var builder = options is null ? services.AddTrackingPixel() : services.AddTrackingPixel(options);
        if (configure is null)
        {
            builder.AddStandardFields();
        }
        else
        {
            configure(builder);
        }

        builder.UsePublisher(_ => publisher ?? new CollectingPublisher());
        if (sink is not null)
        {
            builder.UseUndeliveredRecordSink(sink);
        }

        return services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static string RecordOf(
        PixelRequest request,
        Action<ITrackingPixelBuilder>? configure = null,
        Action<TrackingPixelOptions>? options = null)
    {
        using var services = Services(configure, options);
        using var record = services.GetRequiredService<PixelPipeline>().Collect(request);
        return record?.ToString() ?? throw new InvalidOperationException("The request produced no record.");
    }
}
