using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrackingPixel.Aws;
using TrackingPixel.Aws.Tests.Support;
using TrackingPixel.Firehose.Diagnostics;

namespace TrackingPixel.Firehose.Tests.Support;

/// <summary>
/// The whole Core pipeline publishing to a <see cref="FakeFirehose"/>, with a collecting undelivered-record sink.
/// </summary>
public sealed class FirehoseHarness : IAsyncDisposable
{
    private readonly FakeFirehose? _server;

    private FirehoseHarness(
        FakeFirehose? server,
        ServiceProvider services,
        CollectingUndeliveredSink undelivered,
        CollectingLoggerProvider logs,
        StringWriter metricLines)
    {
        _server = server;
        Services = services;
        Undelivered = undelivered;
        Logs = logs;
        MetricLines = metricLines;
    }

    public FakeFirehose Server =>
        _server ?? throw new InvalidOperationException("This harness talks to an external server.");

    public ServiceProvider Services { get; }

    public CollectingUndeliveredSink Undelivered { get; }

    public CollectingLoggerProvider Logs { get; }

    public StringWriter MetricLines { get; }

    public PixelPipeline Pipeline => Services.GetRequiredService<PixelPipeline>();

    public FirehosePublisherMetrics Metrics => Services.GetRequiredService<FirehosePublisherMetrics>();

    /// <summary>
    /// Fast retries, a generous attempt timeout, the fake's endpoint and credentials from a fake environment.
    /// </summary>
    public static FirehoseHarness Create(
        FakeFirehose server,
        Action<FirehosePublisherOptions>? configure = null,
        Action<IServiceCollection>? register = null) =>
        Create(server.Url, server, configure, register);

    /// <summary>
    /// The same, against any Firehose-compatible server expecting the <see cref="FakeFirehose"/> credentials and
    /// stream.
    /// </summary>
    public static FirehoseHarness Create(
        Uri endpoint,
        FakeFirehose? server,
        Action<FirehosePublisherOptions>? configure = null,
        Action<IServiceCollection>? register = null)
    {
        var undelivered = new CollectingUndeliveredSink();
        var logs = new CollectingLoggerProvider();
        var metricLines = new StringWriter();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IAwsEnvironment>(new FakeEnvironment(new()
        {
            ["AWS_ACCESS_KEY_ID"] = FakeFirehose.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = FakeFirehose.Secret,
            ["AWS_SESSION_TOKEN"] = FakeFirehose.SessionToken,
            ["AWS_REGION"] = FakeFirehose.Region,
            ["AWS_ENDPOINT_URL_FIREHOSE"] = endpoint.ToString(),
        }));
        services.AddSingleton(new EmbeddedMetricsOutput(metricLines));
        register?.Invoke(services);
        services.AddTrackingPixel()
            .AddStandardFields()
            .UseFirehosePublisher(o =>
            {
                o.DeliveryStreamName = FakeFirehose.Stream;
                o.BaseRetryDelay = TimeSpan.FromMilliseconds(1);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
                o.RequestTimeout = TimeSpan.FromSeconds(30);
                o.MaxPublishDuration = TimeSpan.FromSeconds(60);

                // One Firehose record per pixel record unless a test turns packing on: most tests pin per-entry
                // behaviour (which entry failed, how many calls), which packing would blur.
                o.PackedRecordBytes = 0;
                configure?.Invoke(o);
            })
            .UseUndeliveredRecordSink(undelivered);
        return new FirehoseHarness(
            server,
            services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }),
            undelivered,
            logs,
            metricLines);
    }

    /// <summary>
    /// Collects <paramref name="count"/> distinct records and publishes them in one call; returns their text.
    /// </summary>
    public async Task<List<string>> PublishAsync(int count, CancellationToken cancellationToken = default)
    {
        var records = new List<PixelRecord>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                records.Add(Pipeline.Collect(Request(i)) ?? throw new InvalidOperationException("no record"));
            }

            await Pipeline.PublishAsync(records, cancellationToken);
            return [.. records.Select(r => r.ToString())];
        }
        finally
        {
            records.ForEach(r => r.Dispose());
        }
    }

    /// <summary>
    /// Every record is delivered or in the fallback; exactly once, unless a call's outcome was unknown to the client.
    /// </summary>
    public void AssertEveryRecordAccountedFor(IReadOnlyList<string> sent)
    {
        Assert.Empty(Server.Violations);
        var delivered = Server.Delivered.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        var kept = Undelivered.Records.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(delivered.Keys.Concat(kept.Keys), r => Assert.Contains(r, sent));
        var unknown = Server.UnknownOutcome;
        foreach (var record in sent)
        {
            var copies = delivered.GetValueOrDefault(record) + kept.GetValueOrDefault(record);
            Assert.True(copies >= 1, $"lost: {record}");
            Assert.True(
                copies == 1 || unknown.Contains(record),
                $"{copies} copies of a record whose call had a known outcome: {record}");
        }

        var pipeline = Pipeline.Metrics;
        Assert.Equal(sent.Count, pipeline.RecordsPublished + pipeline.RecordsUndelivered);
        Assert.Equal(0, pipeline.RecordsLost);
        Assert.Equal(kept.Values.Sum(), pipeline.RecordsUndelivered);
        Assert.All(Logs.Messages.Concat(Undelivered.Reasons), m =>
        {
            Assert.DoesNotContain(FakeFirehose.Secret, m, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeFirehose.SessionToken, m, StringComparison.Ordinal);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public static PixelRequest Request(int i) => new()
    {
        Method = "GET",
        Path = "/pixel.gif",
        RawQuery = $"userid=user-{i}&thirdpartyname=caf%C3%A9-{i % 7}",
        Headers = RequestHeaders.FromDictionary(new Dictionary<string, string> { ["User-Agent"] = "Mozilla/5.0 test" }),
        PeerAddress = "203.0.113.7",
        Timestamp = new DateTimeOffset(2026, 1, 1, 23, 59, 59, TimeSpan.Zero),
        RequestId = $"req-{i}",
    };
}
