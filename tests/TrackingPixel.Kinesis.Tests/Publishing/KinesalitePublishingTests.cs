using System.Text;
using System.Text.Json.Nodes;
using TrackingPixel.Kinesis.Tests.Support;

namespace TrackingPixel.Kinesis.Tests.Publishing;

/// <summary>The publisher against kinesalite, a real implementation of the Kinesis API, read back with
/// GetRecords.</summary>
[Collection(KinesaliteCollection.Name)]
public sealed class KinesalitePublishingTests(Kinesalite kinesalite)
{
    [KinesaliteFact]
    public async Task PublishAsync_RecordsAreReadBackWithGetRecordsEachExactlyOnceByteForByte()
    {
        var stream = await kinesalite.CreateStreamAsync(shards: 3);
        await using var harness = KinesisHarness.Create(kinesalite.Url, stream);

        var sent = await harness.PublishAsync(1200);

        var stored = await kinesalite.ReadAllAsync(stream);
        AssertSame(sent, stored.Select(r => r.Text));
        Assert.Equal(3, stored.Select(r => r.ShardId).Distinct().Count());
        Assert.Empty(harness.Undelivered.Records);
        Assert.Equal(1200, harness.Metrics.RecordsPublished);
        Assert.Equal(3, harness.Metrics.Requests);
        harness.AssertNothingLostOrLeaked(1200);
    }

    [KinesaliteFact]
    public async Task PublishAsync_StreamGivenAsArn_IsNamedByStreamArnAndItsRegionSigns()
    {
        var stream = await kinesalite.CreateStreamAsync();
        await using var proxy = new FaultProxy(kinesalite.Url);
        var arn = $"arn:aws:kinesis:eu-west-1:{Kinesalite.AccountId}:stream/{stream}";
        await using var harness = KinesisHarness.Create(proxy.Url, arn);

        var sent = await harness.PublishAsync(10);

        var call = Assert.Single(proxy.PutRecordsCalls);
        Assert.Equal(arn, (string?)call["StreamARN"]);
        Assert.Null(call["StreamName"]);
        var authorization = proxy.Requests[0].Header("Authorization");
        Assert.Contains("/eu-west-1/kinesis/aws4_request", authorization, StringComparison.Ordinal);
        AssertSame(sent, (await kinesalite.ReadAllAsync(stream)).Select(r => r.Text));
    }

    [KinesaliteFact]
    public async Task PublishAsync_FailedEntries_AreSentAgainAloneUntilEveryRecordIsStoredOnce()
    {
        var stream = await kinesalite.CreateStreamAsync();
        await using var proxy = new FaultProxy(kinesalite.Url) { EntryFailureRate = 0.3 };
        await using var harness = KinesisHarness.Create(proxy.Url, stream);

        var sent = await harness.PublishAsync(700);

        var stored = await kinesalite.ReadAllAsync(stream);
        AssertSame(sent, stored.Select(r => r.Text));
        var entriesSent = proxy.PutRecordsCalls.Sum(c => c["Records"]!.AsArray().Count);
        Assert.True(proxy.FailedEntries > 100, $"only {proxy.FailedEntries} entries were failed");
        Assert.Equal(700 + proxy.FailedEntries, entriesSent);
        Assert.True(harness.Metrics.Throttled >= proxy.FailedEntries);
        Assert.Contains(harness.Logs.Messages, m => m.Contains("KMSThrottlingException", StringComparison.Ordinal));
        harness.AssertNothingLostOrLeaked(700);
    }

    [KinesaliteFact]
    public async Task PublishAsync_ThrottledCalls_AreRetriedWithBackoffAndEveryRecordIsStoredOnce()
    {
        var stream = await kinesalite.CreateStreamAsync();
        await using var proxy = new FaultProxy(kinesalite.Url) { ThrottleEvery = 2, EntryFailureRate = 0.1 };
        await using var harness = KinesisHarness.Create(proxy.Url, stream);

        var sent = await harness.PublishAsync(1100);

        var stored = await kinesalite.ReadAllAsync(stream);
        AssertSame(sent, stored.Select(r => r.Text));
        Assert.True(proxy.ThrottledCalls >= 2, $"{proxy.ThrottledCalls} calls throttled");
        Assert.Empty(harness.Undelivered.Records);
        harness.AssertNothingLostOrLeaked(1100);
    }

    [KinesaliteFact]
    public async Task PublishAsync_KmsAccessDeniedOnEntries_AreNotRetriedAndEveryRecordIsWholeInTheUndeliveredSink()
    {
        var stream = await kinesalite.CreateStreamAsync();
        await using var proxy = new FaultProxy(kinesalite.Url)
        {
            EntryFailureRate = 1,
            EntryErrors = ["KMSAccessDeniedException"],
        };
        await using var harness = KinesisHarness.Create(proxy.Url, stream);

        var sent = await harness.PublishAsync(800);

        Assert.Equal([500, 300], proxy.PutRecordsCalls.Select(c => c["Records"]!.AsArray().Count));
        AssertSame(sent, harness.Undelivered.Records);
        AssertAllContain("kms:GenerateDataKey", harness.Undelivered.Reasons);
        Assert.Empty(await kinesalite.ReadAllAsync(stream));
        harness.AssertNothingLostOrLeaked(800);
    }

    [KinesaliteFact]
    public async Task PublishAsync_StreamThatDoesNotExist_IsNotRetriedAndRecordsAreKeptWhole()
    {
        await using var harness = KinesisHarness.Create(kinesalite.Url, "no-such-stream");

        var sent = await harness.PublishAsync(3);

        Assert.Equal(1, harness.Metrics.Requests);
        AssertSame(sent, harness.Undelivered.Records);
        AssertAllContain("does not exist or is not ACTIVE", harness.Undelivered.Reasons);
        harness.AssertNothingLostOrLeaked(3);
    }

    [KinesaliteFact]
    public async Task PublishAsync_AlwaysThrottled_GivesUpAtMaxPublishDurationAndKeepsTheRecords()
    {
        var stream = await kinesalite.CreateStreamAsync();
        await using var proxy = new FaultProxy(kinesalite.Url) { ThrottleEvery = 1 };
        await using var harness = KinesisHarness.Create(proxy.Url, stream, o =>
        {
            o.MaxAttempts = 1000;
            o.MaxPublishDuration = TimeSpan.FromMilliseconds(300);
        });

        var sent = await harness.PublishAsync(5);

        AssertSame(sent, harness.Undelivered.Records);
        AssertAllContain("MaxPublishDuration", harness.Undelivered.Reasons);
        Assert.True(proxy.ThrottledCalls > 1);
        harness.AssertNothingLostOrLeaked(5);
    }

    [KinesaliteFact]
    public async Task PublishAsync_WithPacking_StoresKinesisRecordsOfWholeLinesWithinTheSize()
    {
        var stream = await kinesalite.CreateStreamAsync();
        await using var harness = KinesisHarness.Create(kinesalite.Url, stream, o => o.PackedRecordBytes = 1000);

        var sent = await harness.PublishAsync(300);

        var stored = await kinesalite.ReadAllAsync(stream);
        var lines = stored
            .SelectMany(r => r.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Select(l => l + "\n");
        AssertSame(sent, lines);
        Assert.All(stored, r => Assert.InRange(r.Data.Length, 1, 1000));
        Assert.All(stored, r => Assert.EndsWith("\n", r.Text, StringComparison.Ordinal));
        Assert.True(stored.Count <= 300 / 4, $"{stored.Count} Kinesis records for 300 pixel records");
        Assert.Equal(300, harness.Metrics.RecordsPublished);
    }

    [KinesaliteFact]
    public async Task PublishAsync_PartitionKeyField_KeysEachRecordByItsValueSoOneUsersRecordsShareAShard()
    {
        var stream = await kinesalite.CreateStreamAsync(shards: 4);
        await using var harness = KinesisHarness.Create(kinesalite.Url, stream, o => o.PartitionKeyField = "userId");

        await harness.PublishAsync(130);

        var stored = await kinesalite.ReadAllAsync(stream);
        Assert.Equal(130, stored.Count);
        Assert.All(stored, r => Assert.Equal(UserId(r.Text), r.PartitionKey));
        Assert.All(stored.GroupBy(r => r.PartitionKey), g => Assert.Single(g.Select(r => r.ShardId).Distinct()));
        Assert.Equal(13, stored.Select(r => r.PartitionKey).Distinct().Count());
    }

    [KinesaliteFact]
    public async Task PublishAsync_RandomKeys_SpreadRecordsOverEveryShard()
    {
        var stream = await kinesalite.CreateStreamAsync(shards: 4);
        await using var harness = KinesisHarness.Create(kinesalite.Url, stream);

        await harness.PublishAsync(400);

        var perShard = (await kinesalite.ReadAllAsync(stream)).GroupBy(r => r.ShardId).Select(g => g.Count()).ToArray();
        Assert.Equal(4, perShard.Length);
        Assert.All(perShard, count => Assert.InRange(count, 50, 150));
    }

    private static void AssertSame(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));

    private static void AssertAllContain(string text, IEnumerable<string> reasons) =>
        Assert.All(reasons, r => Assert.Contains(text, r, StringComparison.Ordinal));

    private static string UserId(string record) =>
        JsonNode.Parse(Encoding.UTF8.GetBytes(record))!["userId"]!.GetValue<string>();
}
