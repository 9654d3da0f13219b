using System.Globalization;
using System.Text;
using System.Text.Json;
using TrackingPixel.Publishing;

namespace TrackingPixel.Lambda.BootstrapDriver;

/// <summary>
/// Runs the reference bootstrap against a sink's endpoint — the botocore-checked fake Firehose (with injected partial
/// failures and throttling), or kinesalite — and proves every invocation got its pixel and no record went to the
/// undelivered-record log; with a file of what the sink stored, also that every record reached it.
/// </summary>
internal static class SinkCheck
{
    /// <summary>The reference function configured for the fake Firehose's stream <c>pixels</c>.</summary>
    public static Dictionary<string, string?> Firehose(Uri endpoint) => new()
    {
        ["KINESIS_FIREHOSE_STREAM_NAME"] = "pixels",
        ["AWS_ENDPOINT_URL_FIREHOSE"] = endpoint.ToString(),
    };

    /// <summary>The reference function configured for a Kinesis stream (a name or an ARN).</summary>
    public static Dictionary<string, string?> Kinesis(Uri endpoint, string stream) => new()
    {
        ["TRACKINGPIXEL_KINESIS_STREAM"] = stream,
        ["AWS_ENDPOINT_URL_KINESIS"] = endpoint.ToString(),
    };

    // concurrency: invocations served at once (AWS_LAMBDA_MAX_CONCURRENCY); 1 is standard Lambda.
    public static async Task<int> RunAsync(
        string bootstrap,
        string sink,
        Dictionary<string, string?> sinkEnvironment,
        string? storedFile,
        int count,
        int concurrency = 1)
    {
        var template = Encoding.UTF8.GetString(Check.Fixture("http-api-v2.json"));
        var events = Enumerable.Range(0, count)
            .Select(i => ($"{sink}-{i}",
                Encoding.UTF8.GetBytes(template.Replace("aws_user", $"user-{i}", StringComparison.Ordinal))))
            .ToArray();
        var environment = new Dictionary<string, string?>(sinkEnvironment)
        {
            ["TRACKINGPIXEL_RECORDS_DIRECTORY"] = null,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "AKIDFAKE",
            ["AWS_SECRET_ACCESS_KEY"] = "fake-secret",
            ["AWS_SESSION_TOKEN"] = "fake-token",
            ["AWS_LAMBDA_MAX_CONCURRENCY"] =
                concurrency > 1 ? concurrency.ToString(CultureInfo.InvariantCulture) : null,
        };

        await using var run = await BootstrapProcess.StartAsync(bootstrap, events, environment);
        // Each loop asks again only once its record is stored: when every loop is asking, every record is settled.
        await run.Api.WaitForNextAsync(count + concurrency);

        var failures = new List<string>();
        var answered = events.Count(e => run.Api.Posts($"/invocation/{e.Item1}/response").Count == 1);
        if (answered != count)
        {
            failures.Add($"{answered} of {count} invocations got their pixel response");
        }

        var expected = Enumerable.Range(0, count).Select(i => $"user-{i}").ToHashSet();
        // Without a stored file (kinesalite), the caller reads the stream back itself.
        var stored = storedFile is null ? expected.ToList()
            : File.Exists(storedFile) ? File.ReadAllLines(storedFile).Select(UserId).ToList() : [];
        var undelivered = run.Output()
            .Select(
                line => UndeliveredRecordLine.TryRead(Encoding.UTF8.GetBytes(line), out var record)
                    ? UserId(Encoding.UTF8.GetString(record))
                    : null)
            .OfType<string>()
            .ToList();
        var missing = expected.Except(stored).Except(undelivered).ToList();
        if (missing.Count > 0)
        {
            failures.Add($"{missing.Count} record(s) neither stored nor kept for replay, e.g. {missing[0]}");
        }

        if (undelivered.Count > 0)
        {
            failures.Add($"{undelivered.Count} record(s) went to the undelivered-record log instead of the stream");
        }

        if (stored.Any(u => !expected.Contains(u)))
        {
            failures.Add($"the {sink} stream holds records no invocation produced");
        }

        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"FAIL {failure}");
        }

        Console.WriteLine(failures.Count == 0
            ? $"{sink} check passed: {count} invocations answered, {stored.Distinct().Count()} records delivered "
                + $"({stored.Count - stored.Distinct().Count()} duplicates after unknown outcomes), none undelivered"
            : $"{sink} check failed: {failures.Count} problem(s)");
        return failures.Count == 0 ? 0 : 1;
    }

    private static string UserId(string recordLine)
    {
        using var json = JsonDocument.Parse(recordLine);
        return json.RootElement.GetProperty("userId").GetString() ?? "";
    }
}
