using System.Diagnostics;
using System.Globalization;
using TrackingPixel.Lambda.Tests.Support;

namespace TrackingPixel.Lambda.BootstrapDriver;

/// <summary>One run of a bootstrap executable against its own fake Runtime API, as Lambda would start it.</summary>
internal sealed class BootstrapProcess : IAsyncDisposable
{
    private readonly FakeRuntimeApi? _api;
    private readonly Process _process;
    private readonly List<string> _output = [];

    private BootstrapProcess(FakeRuntimeApi? api, Process process, long startTimestamp, string recordsDirectory)
    {
        _api = api;
        _process = process;
        StartTimestamp = startTimestamp;
        RecordsDirectory = recordsDirectory;
    }

    /// <summary>The fake Runtime API the run was started with; not available when the caller brought its own.</summary>
    public FakeRuntimeApi Api =>
        _api ?? throw new InvalidOperationException("This run talks to a Runtime API of the caller's.");

    /// <summary>Completes when the process exits.</summary>
    public Task Exited => _process.WaitForExitAsync();

    public string RecordsDirectory { get; }

    /// <summary>The <see cref="Stopwatch"/> timestamp taken just before the process was started.</summary>
    public long StartTimestamp { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts <paramref name="bootstrap"/> after queuing <paramref name="events"/>, so the first GET next is answered
    /// at once.
    /// </summary>
    /// <param name="bootstrap">The executable.</param>
    /// <param name="events">Events to queue.</param>
    /// <param name="environment">Variables to set on top of the defaults; a null value removes one.</param>
    public static async Task<BootstrapProcess> StartAsync(
        string bootstrap,
        IEnumerable<(string RequestId, byte[] Payload)> events,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var api = await FakeRuntimeApi.StartAsync();
        foreach (var (requestId, payload) in events)
        {
            api.Enqueue(payload, requestId);
        }

        return Launch(bootstrap, api, api.Address, environment);
    }

    /// <summary>
    /// Starts <paramref name="bootstrap"/> against a Runtime API the caller runs (and disposes) at
    /// <paramref name="runtimeApi"/>.
    /// </summary>
    /// <param name="bootstrap">The executable.</param>
    /// <param name="runtimeApi">The <c>host:port</c> given as <c>AWS_LAMBDA_RUNTIME_API</c>.</param>
    /// <param name="environment">Variables to set on top of the defaults; a null value removes one.</param>
    public static BootstrapProcess Start(
        string bootstrap, string runtimeApi, IReadOnlyDictionary<string, string?>? environment = null) =>
        Launch(bootstrap, null, runtimeApi, environment);

    private static BootstrapProcess Launch(
        string bootstrap, FakeRuntimeApi? api, string runtimeApi, IReadOnlyDictionary<string, string?>? environment)
    {
        var records = Path.Combine(Path.GetTempPath(), "trackingpixel-driver-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(bootstrap)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["AWS_LAMBDA_LOG_FORMAT"] = "JSON";
        start.Environment["AWS_LAMBDA_LOG_LEVEL"] = "INFO";
        start.Environment["TRACKINGPIXEL_RECORDS_DIRECTORY"] = records;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var startTimestamp = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {bootstrap}.");
        var run = new BootstrapProcess(api, process, startTimestamp, records);
        process.OutputDataReceived += (_, e) => run.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => run.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Every line the process has written so far, standard output and error.</summary>
    public IReadOnlyList<string> Output()
    {
        lock (_output)
        {
            return [.. _output];
        }
    }

    /// <summary>The process's peak resident set so far (VmHWM), in KiB.</summary>
    public long PeakRssKib()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(
                    line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("VmHWM not found.");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public IReadOnlyList<string> Records() =>
        Directory.Exists(RecordsDirectory)
            ? [.. Directory.EnumerateFiles(RecordsDirectory, "*.ndjson", SearchOption.AllDirectories).SelectMany(
                File.ReadAllLines)]
            : [];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (Directory.Exists(RecordsDirectory))
        {
            Directory.Delete(RecordsDirectory, recursive: true);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        Console.Error.WriteLine($"  bootstrap| {line}");
    }
}
