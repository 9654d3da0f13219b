using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrackingPixel.Aws;
using TrackingPixel.Aws.Tests.Support;
using TrackingPixel.Firehose.Tests.Support;
using TrackingPixel.Kinesis.Diagnostics;

namespace TrackingPixel.Kinesis.Tests.Support;

/// <summary>The whole Core pipeline publishing with the Kinesis publisher to a loopback endpoint, with a collecting
/// undelivered-record sink.</summary>
public sealed class KinesisHarness : IAsyncDisposable
{
    public const string AccessKeyId = "AKIDKINESISTEST";
    public const string Secret = "kinesis-test-secret-key-0123456789abcdefgh";
    public const string SessionToken = "kinesis-test-session-token-0123456789";

    private KinesisHarness(
        ServiceProvider services, CollectingUndeliveredSink undelivered, CollectingLoggerProvider logs)
    {
        Services = services;
        Undelivered = undelivered;
        Logs = logs;
    }

    public ServiceProvider Services { get; }

    public CollectingUndeliveredSink Undelivered { get; }

    public CollectingLoggerProvider Logs { get; }

    public PixelPipeline Pipeline => Services.GetRequiredService<PixelPipeline>();

    public KinesisPublisherMetrics Metrics => Services.GetRequiredService<KinesisPublisherMetrics>();

    /// <summary>Fast retries, the endpoint from <c>AWS_ENDPOINT_URL_KINESIS</c> and credentials from a fake
    /// environment.</summary>
    public static KinesisHarness Create(Uri endpoint, string stream, Action<KinesisPublisherOptions>? configure = null)
    {
        var undelivered = new CollectingUndeliveredSink();
        var logs = new CollectingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IAwsEnvironment>(new FakeEnvironment(new()
        {
            ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = Secret,
            ["AWS_SESSION_TOKEN"] = SessionToken,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL_KINESIS"] = endpoint.ToString(),
        }));
        services.AddTrackingPixel()
            .AddStandardFields()
            .UseKinesisPublisher(o =>
            {
                o.Stream = stream;
                o.BaseRetryDelay = TimeSpan.FromMilliseconds(1);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
                o.RequestTimeout = TimeSpan.FromSeconds(30);
                o.MaxPublishDuration = TimeSpan.FromSeconds(60);
                o.MaxAttempts = 20;
                configure?.Invoke(o);
            })
            .UseUndeliveredRecordSink(undelivered);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new KinesisHarness(provider, undelivered, logs);
    }

    /// <summary>Collects <paramref name="count"/> distinct records and publishes them in one call; returns their
    /// text.</summary>
    public async Task<List<string>> PublishAsync(int count, int first = 0)
    {
        var records = new List<PixelRecord>();
        try
        {
            for (var i = first; i < first + count; i++)
            {
                records.Add(Pipeline.Collect(Request(i)) ?? throw new InvalidOperationException("no record"));
            }

            await Pipeline.PublishAsync(records, CancellationToken.None);
            return [.. records.Select(r => r.ToString())];
        }
        finally
        {
            records.ForEach(r => r.Dispose());
        }
    }

    /// <summary>No record was lost, none kept twice, and no log line or reason holds a credential.</summary>
    public void AssertNothingLostOrLeaked(int sent)
    {
        var pipeline = Pipeline.Metrics;
        Assert.Equal(sent, pipeline.RecordsPublished + pipeline.RecordsUndelivered);
        Assert.Equal(0, pipeline.RecordsLost);
        Assert.Equal(Undelivered.Records.Count, pipeline.RecordsUndelivered);
        Assert.All(Logs.Messages.Concat(Undelivered.Reasons), m =>
        {
            Assert.DoesNotContain(Secret, m, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionToken, m, StringComparison.Ordinal);
        });
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    public static PixelRequest Request(int i) => new()
    {
        Method = "GET",
        Path = "/pixel.gif",
        RawQuery = $"userid=user-{i % 13}&thirdpartyname=caf%C3%A9-{i}",
        Headers = RequestHeaders.FromDictionary(new Dictionary<string, string> { ["User-Agent"] = "Mozilla/5.0 test" }),
        PeerAddress = "203.0.113.7",
        Timestamp = new DateTimeOffset(2026, 1, 1, 23, 59, 59, TimeSpan.Zero),
        RequestId = $"req-{i}",
    };
}
