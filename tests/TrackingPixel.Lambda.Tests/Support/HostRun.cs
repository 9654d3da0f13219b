using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrackingPixel.Lambda.Hosting;
using TrackingPixel.Lambda.Runtime;

namespace TrackingPixel.Lambda.Tests.Support;

/// <summary>
/// A fake Runtime API on loopback and the Lambda host (in-process) serving it, with everything they did recorded.
/// </summary>
internal sealed class HostRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _terminate = new();
    private readonly StringWriter _logs = new();

    private HostRun(FakeRuntimeApi api) => Api = api;

    public FakeRuntimeApi Api { get; }

    public RecordingPublisher Publisher { get; } = new();

    public CollectingSink Sink { get; } = new();

    public string Logs
    {
        get
        {
            lock (_logs)
            {
                return _logs.ToString();
            }
        }
    }

    public Task<int> Exit { get; private set; } = Task.FromResult(-1);

    /// <summary>Starts the host; by default with the five standard fields, the recording publisher and sink.</summary>
    public static async Task<HostRun> StartAsync(
        Action<IServiceCollection, HostRun>? configure = null,
        Func<IServiceProvider, IInvocationHandler>? handler = null,
        Action<LambdaHostOptions>? options = null)
    {
        var run = new HostRun(await FakeRuntimeApi.StartAsync());
        var hostOptions = new LambdaHostOptions
        {
            RuntimeApi = run.Api.Address,
            JsonLogs = true,
            MinimumLogLevel = LogLevel.Information,
            LogOutput = TextWriter.Synchronized(run._logs),
        };
        options?.Invoke(hostOptions);
        configure ??= (services, r) => Some.StandardPixel(services, r.Publisher, r.Sink);

        // Run on the thread pool, as Main would, so a synchronous stretch in the host never blocks the test.
        run.Exit = Task.Run(() => LambdaHost.RunAsync(
            services => configure(services, run), hostOptions, handler, run._terminate.Token, run._stop.Token));
        return run;
    }

    /// <summary>
    /// Stops the host once it is waiting for event number <paramref name="nextCalls"/>, and returns its exit code.
    /// </summary>
    public async Task<int> StopWhenWaitingAsync(int nextCalls)
    {
        await Api.WaitForNextAsync(nextCalls);
        await _stop.CancelAsync();
        return await ExitCodeAsync();
    }

    /// <summary>Does what SIGTERM does to the host, and returns its exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        await _terminate.CancelAsync();
        return await ExitCodeAsync();
    }

    public Task<int> ExitCodeAsync() => Exit.WaitAsync(TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Exit.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await Api.DisposeAsync();
            _stop.Dispose();
            _terminate.Dispose();
        }
    }
}
