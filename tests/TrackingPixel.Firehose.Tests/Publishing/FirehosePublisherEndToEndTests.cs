using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Aws;
using TrackingPixel.Firehose.Tests.Support;

namespace TrackingPixel.Firehose.Tests.Publishing;

/// <summary>
/// Records through the Core pipeline to a loopback Firehose that checks the wire format and injects faults.
/// </summary>
public sealed class FirehosePublisherEndToEndTests
{
    [Fact]
    public async Task Publish_HealthyStream_SplitsInto500RecordCallsOverOneConnection()
    {
        await using var harness = FirehoseHarness.Create(new FakeFirehose());

        var sent = await harness.PublishAsync(1_200);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal([500, 500, 200], harness.Server.Calls.Select(c => c.Records.Count));
        Assert.All(harness.Server.Calls, c => Assert.Equal("Firehose_20150804.PutRecordBatch", c.Target));
        Assert.Equal(sent, harness.Server.Delivered);
        Assert.Equal(1, harness.Server.ConnectionCount);
        Assert.Equal(
            (1_200, 0, 0, 3),
            (
                harness.Metrics.RecordsPublished,
                harness.Metrics.RecordsRetried,
                harness.Metrics.RecordsFailed,
                harness.Metrics.Requests));
    }

    [Fact]
    public async Task Publish_OneRecord_UsesPutRecord()
    {
        await using var harness = FirehoseHarness.Create(new FakeFirehose());
        using var record = harness.Pipeline.Collect(FirehoseHarness.Request(1))!;

        await harness.Pipeline.PublishAsync(record, default);

        Assert.Equal("Firehose_20150804.PutRecord", Assert.Single(harness.Server.Calls).Target);
        harness.AssertEveryRecordAccountedFor([record.ToString()]);
    }

    [Fact]
    public async Task Publish_ShareOfBatchFailsOnce_ResendsOnlyFailedEntries()
    {
        await using var server = new FakeFirehose(
            call => call.Number == 1 ? Fault.Entries((i, _) => i % 3 == 0) : Fault.None);
        await using var harness = FirehoseHarness.Create(server);

        var sent = await harness.PublishAsync(300);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal([300, 100], server.Calls.Select(c => c.Records.Count));
        Assert.Equal(sent.Where((_, i) => i % 3 == 0), server.Calls[1].Records);
        Assert.Empty(harness.Undelivered.Records);
        Assert.Equal(
            (300, 100, 100),
            (harness.Metrics.RecordsPublished, harness.Metrics.RecordsRetried, harness.Metrics.RequestsThrottled));
    }

    [Fact]
    public async Task Publish_SomeEntriesAlwaysFail_ExactlyThoseGoToFallback()
    {
        await using var server = new FakeFirehose(
            _ => Fault.Entries((_, record) => record.Contains("user-7", StringComparison.Ordinal)));
        await using var harness = FirehoseHarness.Create(server, o => o.MaxAttempts = 4);

        var sent = await harness.PublishAsync(100);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal(sent.Where(r => r.Contains("user-7", StringComparison.Ordinal)), harness.Undelivered.Records);
        Assert.Equal(4, server.Calls.Count);
        Assert.All(
            harness.Undelivered.Reasons, r => Assert.Contains("gave up after 4 attempts", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_Throttled503ThreeTimes_RetriesAndDeliversEverything()
    {
        await using var server = new FakeFirehose(
            call => call.Number <= 3 ? Fault.Error(503, "ServiceUnavailableException") : Fault.None);
        await using var harness = FirehoseHarness.Create(server);

        var sent = await harness.PublishAsync(50);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal(4, server.Calls.Count);
        Assert.Equal(sent, server.Delivered);
        Assert.Equal((3, 150), (harness.Metrics.RequestsThrottled, harness.Metrics.RecordsRetried));
    }

    [Fact]
    public async Task Publish_Http500Persists_AllRecordsInFallbackAfterMaxAttempts()
    {
        await using var server = new FakeFirehose(_ => Fault.Error(500, "InternalFailure"));
        await using var harness = FirehoseHarness.Create(server, o => o.MaxAttempts = 3);

        var sent = await harness.PublishAsync(20);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal(sent, harness.Undelivered.Records);
        Assert.Equal(3, server.Calls.Count);
        Assert.Contains("InternalFailure", harness.Undelivered.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(20, harness.Metrics.RecordsFailed);
    }

    [Fact]
    public async Task Publish_AnswerSlowerThanTimeoutAfterStoring_RetriesAndDuplicatesOnlyThatCall()
    {
        await using var server = new FakeFirehose(
            call => call.Number == 1 ? new Fault(FaultKind.StallAfterStoring) : Fault.None);
        await using var harness = FirehoseHarness.Create(server, o => o.RequestTimeout = TimeSpan.FromSeconds(4));

        var sent = await harness.PublishAsync(30);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal(60, server.Delivered.Count);
        Assert.Empty(harness.Undelivered.Records);
    }

    [Fact]
    public async Task Publish_ConnectionDroppedBeforeStoring_RetriesOnNewConnectionExactlyOnce()
    {
        await using var server = new FakeFirehose(
            call => call.Number == 1 ? new Fault(FaultKind.DropBeforeStoring) : Fault.None);
        await using var harness = FirehoseHarness.Create(server);

        var sent = await harness.PublishAsync(30);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal(sent, server.Delivered);
        Assert.Equal(2, server.ConnectionCount);
    }

    [Fact]
    public async Task Publish_ConnectionDroppedAfterStoring_EveryRecordAtLeastOnce()
    {
        await using var server = new FakeFirehose(
            call => call.Number == 1 ? new Fault(FaultKind.DropAfterStoring) : Fault.None);
        await using var harness = FirehoseHarness.Create(server);

        var sent = await harness.PublishAsync(30);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal(sent.Concat(sent), server.Delivered);
    }

    [Fact]
    public async Task Publish_SignatureRejected403_FailsFastWithAdviceAndNoSecrets()
    {
        await using var server = new FakeFirehose(_ => Fault.Error(403, "InvalidSignatureException"));
        await using var harness = FirehoseHarness.Create(server);

        var sent = await harness.PublishAsync(600);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Single(server.Calls);
        Assert.Equal(sent, harness.Undelivered.Records);
        Assert.Contains("check the secret access key", harness.Undelivered.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(0, harness.Metrics.RecordsRetried);
    }

    [Fact]
    public async Task Publish_StreamMissing_FailsFastNamingStreamAndRegion()
    {
        await using var server = new FakeFirehose(
            _ => Fault.Error(400, "com.amazonaws.firehose#ResourceNotFoundException"));
        await using var harness = FirehoseHarness.Create(server);

        var sent = await harness.PublishAsync(5);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Single(server.Calls);
        Assert.StartsWith(
            $"5 of 5 records were not delivered to Firehose stream '{FakeFirehose.Stream}': Delivery stream " +
                $"'{FakeFirehose.Stream}' does not exist or is not ACTIVE in us-east-1",
            harness.Undelivered.Reasons[0],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_CallerDeadlinePassesWhileStalled_RecordsGoToFallbackPromptly()
    {
        await using var server = new FakeFirehose(_ => new Fault(FaultKind.StallBeforeStoring));
        await using var harness = FirehoseHarness.Create(server);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var sent = await harness.PublishAsync(10, deadline.Token);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal(sent, harness.Undelivered.Records);
        Assert.Contains("invocation deadline", harness.Undelivered.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_OptionsBudgetRunsOutDuringThrottling_RemainderGoesToFallback()
    {
        await using var server = new FakeFirehose(_ => Fault.Error(503, "ServiceUnavailableException"));
        await using var harness = FirehoseHarness.Create(server, o =>
        {
            o.MaxAttempts = 1_000_000;
            o.MaxPublishDuration = TimeSpan.FromMilliseconds(500);
        });

        var sent = await harness.PublishAsync(10);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal(sent, harness.Undelivered.Records);
        Assert.Contains("MaxPublishDuration", harness.Undelivered.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ServiceEchoesSecretInError_ReasonAndLogsAreScrubbed()
    {
        var echo = $"Access denied for secret {FakeFirehose.Secret} with token {FakeFirehose.SessionToken}";
        await using var server = new FakeFirehose(_ => Fault.Error(400, "AccessDeniedException", echo));
        await using var harness = FirehoseHarness.Create(server);

        var sent = await harness.PublishAsync(3);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Contains(
            "Access denied for secret *** with token ***", harness.Undelivered.Reasons[0], StringComparison.Ordinal);
        Assert.Contains("firehose:PutRecordBatch", harness.Undelivered.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ConcurrentCallsWithPartialFailures_EveryRecordExactlyOnce()
    {
        await using var server = new FakeFirehose(
            call => call.Number % 2 == 1 ? Fault.Entries((i, _) => i % 4 == 0) : Fault.None);
        await using var harness = FirehoseHarness.Create(server);
        var records = Enumerable.Range(0, 400)
            .Select(i => harness.Pipeline.Collect(FirehoseHarness.Request(i))!)
            .ToList();

        await Task.WhenAll(records.Chunk(50).Select(chunk => harness.Pipeline.PublishAsync(chunk, default).AsTask()));

        var sent = records.Select(r => r.ToString()).ToList();
        records.ForEach(r => r.Dispose());
        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal(sent.Order(StringComparer.Ordinal), server.Delivered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Publish_UnexpectedErrorInSecondBatch_OnlyThatBatchGoesToFallback()
    {
        await using var harness = FirehoseHarness.Create(
            new FakeFirehose(), register: s => s.AddSingleton<ICredentialsProvider>(new FailingSecondTime()));

        var sent = await harness.PublishAsync(600);

        harness.AssertEveryRecordAccountedFor(sent);
        Assert.Equal(sent.Take(500), harness.Server.Delivered);
        Assert.Equal(sent.Skip(500), harness.Undelivered.Records);
        Assert.Contains(
            "unexpected InvalidOperationException", harness.Undelivered.Reasons[0], StringComparison.Ordinal);
    }

    private sealed class FailingSecondTime : ICredentialsProvider
    {
        private int _calls;

        public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 2
                ? throw new InvalidOperationException("bug")
                : ValueTask.FromResult(
                    new AwsCredentials(FakeFirehose.AccessKeyId, FakeFirehose.Secret, FakeFirehose.SessionToken, null));
    }
}
