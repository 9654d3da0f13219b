using System.Diagnostics;
using TrackingPixel.Aws.Tests.Support;
using TrackingPixel.Firehose.Tests.Support;

namespace TrackingPixel.Firehose.Tests.Publishing;

/// <summary>
/// The pipeline publishing to Fakes/fake_firehose.py, which verifies every signature with botocore's signer and every
/// body against botocore's Firehose model, while failing a share of entries and throttling every third call.
/// </summary>
public sealed class BotocoreFakeFirehoseTests : IDisposable
{
    private readonly string _recordsFile = Path.Combine(
        Path.GetTempPath(), $"tp-fake-firehose-{Guid.NewGuid():N}.ndjson");

    public void Dispose() => File.Delete(_recordsFile);

    [BotocoreFact]
    public async Task Publish_ToBotocoreCheckedFirehoseWithFaults_EveryRecordStoredExactlyOnce()
    {
        using var server = Process.Start(new ProcessStartInfo(Python.Interpreter,
        [
            Python.Script("fake_firehose.py"),
            "--records", _recordsFile,
            "--fail-rate", "0.25",
            "--throttle-every", "3",
            "--seed", "7",
            "--stream", FakeFirehose.Stream, "--region", FakeFirehose.Region, "--access-key", FakeFirehose.AccessKeyId,
            "--secret-key", FakeFirehose.Secret, "--token", FakeFirehose.SessionToken,
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = server.StandardError.ReadToEndAsync();
        try
        {
            var port = int.Parse(
                await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1)) ?? "",
                System.Globalization.CultureInfo.InvariantCulture);
            await using var harness = FirehoseHarness.Create(
                new Uri($"http://127.0.0.1:{port}"), server: null, o => o.MaxAttempts = 30);

            var sent = new List<string>();
            sent.AddRange(await harness.PublishAsync(700));
            using (var single = harness.Pipeline.Collect(FirehoseHarness.Request(10_000))!)
            {
                await harness.Pipeline.PublishAsync(single, default);
                sent.Add(single.ToString());
            }

            var stored = (await File.ReadAllTextAsync(_recordsFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(r => r + "\n");
            Assert.Empty(harness.Undelivered.Records);
            Assert.Equal(sent.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
            Assert.True(
                harness.Metrics.RecordsRetried > 0 && harness.Metrics.RequestsThrottled > 0,
                "the fake injected no faults");
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
            Assert.DoesNotContain("rejected", await errors, StringComparison.Ordinal);
        }
    }
}
