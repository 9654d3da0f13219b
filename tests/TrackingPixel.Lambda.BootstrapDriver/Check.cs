using System.Text;
using System.Text.Json;

namespace TrackingPixel.Lambda.BootstrapDriver;

/// <summary>
/// Proves a published bootstrap serves the three event kinds, writes their records, reports errors the documented way.
/// </summary>
internal static class Check
{
    private static readonly (string RequestId, string File, bool MultiValue, string Record)[] Cases =
    [
        ("id-v2", "http-api-v2.json", false,
            """{"date":"2024-05-01T12:34:56.789Z","ip":"203.0.113.7","userAgent":"Mozilla/5.0 (Windows NT 10.0; """ +
                """Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 """ +
                """Safari/537.36","userId":"aws_user","thirdPartyId":"example.hightrafficwebsite.com"}"""),
        ("id-v1", "rest-api-v1.json", true,
            """{"date":"2024-05-01T12:35:07.315Z","ip":"130.176.0.12","userAgent":"Mozilla/5.0 (iPhone; CPU iPhone """ +
                """OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 """ +
                """Safari/604.1","userId":"rest_user","thirdPartyId":"shop.example.com"}"""),
        ("id-url", "function-url.json", false,
            """{"date":"2024-05-01T12:35:01.042Z","ip":"198.51.100.23","userAgent":"Mozilla/5.0 (X11; Linux """ +
                """x86_64; rv:125.0) Gecko/20100101 Firefox/125.0","userId":"url """ +
                """user","thirdPartyId":"news.example.org"}"""),
    ];

    public static async Task<int> RunAsync(string bootstrap)
    {
        var failures = new List<string>();
        var events = Cases.Select(c => (c.RequestId, Fixture(c.File)))
            .Append(("id-s3", Encoding.UTF8.GetBytes("""{"Records":[{"eventSource":"aws:s3"}]}""")));
        await using var run = await BootstrapProcess.StartAsync(bootstrap, events);

        // Four events handled, and the record of each published, once the fifth GET next arrives.
        await run.Api.WaitForNextAsync(5);
        foreach (var (requestId, _, multiValue, _) in Cases)
        {
            var posts = run.Api.Posts($"/invocation/{requestId}/response");
            if (posts.Count != 1)
            {
                failures.Add($"{requestId}: expected one response post, got {posts.Count}");
                continue;
            }

            failures.AddRange(CheckEnvelope(requestId, posts[0].Body, multiValue));
        }

        var error = run.Api.Posts("/invocation/id-s3/error");
        if (error.Count != 1 || !error[0].BodyText.Contains(
            "\"errorType\":\"TrackingPixel.UnsupportedEvent\"", StringComparison.Ordinal))
        {
            failures.Add(
                "id-s3: expected one invocation error of type TrackingPixel.UnsupportedEvent, got " +
                    $"{string.Join(" | ", error.Select(e => e.BodyText))}");
        }

        var records = run.Records();
        var expected = Cases.Select(c => c.Record).ToArray();
        if (!records.SequenceEqual(expected))
        {
            failures.Add(
                $"records differ:\n  expected:\n    {string.Join("\n    ", expected)}\n  actual:\n    " +
                    $"{string.Join("\n    ", records)}");
        }

        // A Runtime API 500 on next means the environment is broken: the process must exit promptly, non-zero.
        run.Api.EnqueueFailure(500);
        try
        {
            var exitCode = await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
            if (exitCode == 0)
            {
                failures.Add("after a Runtime API 500 the bootstrap exited with 0");
            }
        }
        catch (TimeoutException)
        {
            failures.Add("after a Runtime API 500 the bootstrap did not exit within 30 s");
        }

        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"FAIL {failure}");
        }

        Console.WriteLine(failures.Count == 0
            ? $"bootstrap check passed: {Cases.Length} events answered with the pixel envelope, {records.Count} " +
                "records written, unsupported event reported, exit on Runtime API 500"
            : $"bootstrap check failed: {failures.Count} problem(s)");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Runs the three fixture events through any bootstrap and prints the records it wrote, for checks of other
    /// compositions.
    /// </summary>
    public static async Task<int> PrintRecordsAsync(string bootstrap)
    {
        await using var run = await BootstrapProcess.StartAsync(
            bootstrap, Cases.Select(c => (c.RequestId, Fixture(c.File))));
        await run.Api.WaitForNextAsync(Cases.Length + 1);
        var answered = Cases.Count(c => run.Api.Posts($"/invocation/{c.RequestId}/response").Count == 1);
        foreach (var record in run.Records())
        {
            Console.WriteLine(record);
        }

        Console.Error.WriteLine($"{answered} of {Cases.Length} events answered");
        return answered == Cases.Length ? 0 : 1;
    }

    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", name));

    /// <summary>
    /// The record the reference function writes for a fixture, as UTF-8 without the trailing new line.
    /// </summary>
    public static byte[] ExpectedRecord(string fixture) =>
        Encoding.UTF8.GetBytes(Cases.Single(c => c.File == fixture).Record);

    /// <summary>The problems of a response post's body, if it is not the pixel's proxy envelope.</summary>
    public static IEnumerable<string> CheckEnvelope(string requestId, byte[] body, bool multiValue)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.GetProperty("statusCode").GetInt32() != 200)
        {
            yield return $"{requestId}: statusCode is not 200";
        }

        if (!root.GetProperty("isBase64Encoded").GetBoolean()
            || root.GetProperty("body").GetString() != PixelResponse.GifBase64)
        {
            yield return $"{requestId}: body is not the base64 GIF";
        }

        var headers = root.GetProperty("headers")
            .EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!));
        if (!headers.SequenceEqual(PixelResponse.Headers))
        {
            yield return $"{requestId}: headers are not the pixel's";
        }

        if (root.TryGetProperty("multiValueHeaders", out _) != multiValue)
        {
            yield return $"{requestId}: multiValueHeaders {(multiValue ? "missing" : "unexpected")}";
        }
    }
}
