using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace TrackingPixel.Kinesis.Tests.Support;

/// <summary>kinesalite (npm, an implementation of the Kinesis Data Streams API) on a free 127.0.0.1 port, started
/// from eng/kinesalite, with the calls the tests need to create streams and read records back.</summary>
/// <remarks>
/// kinesalite accepts any signature, checks requests against its own copy of the Kinesis model, and predates
/// <c>StreamARN</c> and on-demand streams: streams here are provisioned, and the fault proxy names them by name.
/// </remarks>
public sealed class Kinesalite : IAsyncLifetime, IDisposable
{
    public const string AccountId = "000000000000";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Process? _process;

    /// <summary>Gets why kinesalite cannot run here, or <see langword="null"/> when it can.</summary>
    public static string? MissingReason { get; } = FindMissing();

    public Uri Url { get; private set; } = new("http://127.0.0.1:1");

    public static string Launcher => Path.Combine(RepositoryRoot, "eng", "kinesalite", "serve.js");

    private static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "TrackingPixel.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("TrackingPixel.sln not found above the test folder.");
        }
    }

    public Task InitializeAsync()
    {
        if (MissingReason is not null)
        {
            // Its tests are skipped then, except in CI, where a missing kinesalite is a broken install.
            return string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
                ? throw new InvalidOperationException(MissingReason)
                : Task.CompletedTask;
        }

        return StartAsync();
    }

    private async Task StartAsync()
    {
        var start = new ProcessStartInfo("node", [Launcher, "--exit-with-stdin"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            var error = await _process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"kinesalite did not start: {line} {error}");
        }

        Url = new Uri($"http://127.0.0.1:{line["listening ".Length..]}/");
    }

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        Dispose();
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    /// <summary>Creates a stream of <paramref name="shards"/> shards with a unique name and returns the name.</summary>
    public async Task<string> CreateStreamAsync(int shards = 2)
    {
        var name = $"pixels-{Guid.NewGuid():N}"[..24];
        await CallAsync("CreateStream", new JsonObject { ["StreamName"] = name, ["ShardCount"] = shards });
        for (var i = 0; i < 100; i++)
        {
            var summary = await CallAsync("DescribeStreamSummary", new JsonObject { ["StreamName"] = name });
            if ((string?)summary["StreamDescriptionSummary"]!["StreamStatus"] == "ACTIVE")
            {
                return name;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"stream {name} did not become ACTIVE");
    }

    /// <summary>Reads every record of every shard from the start with GetShardIterator and GetRecords.</summary>
    public async Task<List<StoredRecord>> ReadAllAsync(string stream)
    {
        var records = new List<StoredRecord>();
        var shards = await CallAsync("ListShards", new JsonObject { ["StreamName"] = stream });
        foreach (var shard in shards["Shards"]!.AsArray())
        {
            var shardId = (string)shard!["ShardId"]!;
            var iterator = (string?)(await CallAsync("GetShardIterator", new JsonObject
            {
                ["StreamName"] = stream,
                ["ShardId"] = shardId,
                ["ShardIteratorType"] = "TRIM_HORIZON",
            }))["ShardIterator"];
            while (iterator is not null)
            {
                var page = await CallAsync(
                    "GetRecords", new JsonObject { ["ShardIterator"] = iterator, ["Limit"] = 10000 });
                var got = page["Records"]!.AsArray();
                foreach (var record in got)
                {
                    records.Add(new StoredRecord(
                        shardId,
                        (string)record!["PartitionKey"]!,
                        Convert.FromBase64String((string)record["Data"]!)));
                }

                iterator = got.Count == 0 ? null : (string?)page["NextShardIterator"];
            }
        }

        return records;
    }

    /// <summary>Sends one Kinesis call with a well-formed (unchecked) signature and returns the JSON answer.</summary>
    public async Task<JsonNode> CallAsync(string operation, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"Kinesis_20131202.{operation}");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20260101T000000Z");
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/us-east-1/kinesis/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=00");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"kinesalite {operation}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private static string? FindMissing()
    {
        string launcher;
        try
        {
            launcher = Launcher;
        }
        catch (InvalidOperationException exception)
        {
            return exception.Message;
        }

        var package = Path.Combine(Path.GetDirectoryName(launcher)!, "node_modules", "kinesalite", "package.json");
        if (!File.Exists(package))
        {
            return "kinesalite is not installed: run `npm ci --prefix eng/kinesalite` (.ci/install.d/20-kinesalite.sh)";
        }

        try
        {
            var version = new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true };
            using var node = Process.Start(version);
            node?.WaitForExit(30_000);
            return node is { HasExited: true, ExitCode: 0 } ? null : "node does not run";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "node is not installed (apt-get install nodejs npm; .ci/install.d/20-kinesalite.sh)";
        }
    }
}

/// <summary>One record as GetRecords returned it.</summary>
public sealed record StoredRecord(string ShardId, string PartitionKey, byte[] Data)
{
    public string Text => Encoding.UTF8.GetString(Data);
}

/// <summary>A fact that needs kinesalite: skipped, with the reason, where node or kinesalite is missing, never in
/// CI.</summary>
public sealed class KinesaliteFactAttribute : FactAttribute
{
    public KinesaliteFactAttribute()
    {
        if (Kinesalite.MissingReason is { } reason
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{reason}; CI installs it and runs this test.";
        }
    }
}

/// <summary>Shares one kinesalite process among the test classes that read from it.</summary>
[CollectionDefinition(Name)]
public sealed class KinesaliteCollection : ICollectionFixture<Kinesalite>
{
    public const string Name = "kinesalite";
}
