using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrackingPixel.Lambda.Logging;
using TrackingPixel.Lambda.Runtime;

namespace TrackingPixel.Lambda.Hosting;

/// <summary>
/// Start-up: logging, services and validation, each failure reported to <c>/runtime/init/error</c>; then the loop.
/// </summary>
internal static partial class LambdaHost
{
    /// <param name="configureServices">The user's registrations.</param>
    /// <param name="options">The host options.</param>
    /// <param name="handler">Replaces the pixel handler (tests use it to make handling fail).</param>
    /// <param name="terminate">
    /// The environment's shutdown (SIGTERM): stop asking for events, publish within the grace period.
    /// </param>
    /// <param name="cancellationToken">Stops the host, abandoning invocations in progress.</param>
    public static async Task<int> RunAsync(
        Action<IServiceCollection> configureServices,
        LambdaHostOptions options,
        Func<IServiceProvider, IInvocationHandler>? handler,
        CancellationToken terminate,
        CancellationToken cancellationToken)
    {
        var logContext = new LambdaLogContext();
        using var logs = new LambdaLoggerProvider(
            logContext, options.JsonLogs, options.LogOutput ?? Console.Out, TimeProvider.System);
        var logger = logs.CreateLogger("TrackingPixel.Lambda");
        if (options.Validate() is { } problem)
        {
            // Without a Runtime API there is nobody to report to but the log.
            Log.CannotStart(logger, problem);
            return 1;
        }

        using var client = new RuntimeApiClient(options.RuntimeApi!);
        ServiceProvider? services = null;
        try
        {
            RuntimeLoop loop;
            try
            {
                services = PixelServices.Build(
                    configureServices, logs, options.MinimumLogLevel, options.MaxConcurrency);
                var pipeline = services.GetRequiredService<PixelPipeline>();
                var time = services.GetRequiredService<TimeProvider>();
                loop = new RuntimeLoop(
                    client,
                    handler?.Invoke(services) ?? PixelInvocationHandler.From(services),
                    pipeline,
                    logContext,
                    options.PublishSafetyMargin,
                    concurrent: options.MaxConcurrency > 1,
                    time,
                    services.GetRequiredService<ILoggerFactory>().CreateLogger("TrackingPixel.Lambda"));
            }
            catch (Exception exception)
            {
                await ReportInitErrorAsync(client, logger, exception, cancellationToken).ConfigureAwait(false);
                return 1;
            }

            using var shutdown = new Shutdown(options.ShutdownGracePeriod, TimeProvider.System);
            using var onTerminate = terminate.Register(shutdown.Request);
            var exitCode = await InvocationLoops.RunAsync(loop, options.MaxConcurrency, shutdown, cancellationToken)
                .ConfigureAwait(false);
            if (terminate.IsCancellationRequested)
            {
                Log.Terminated(logger);
            }

            return exitCode;
        }
        finally
        {
            if (services is not null)
            {
                await services.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task ReportInitErrorAsync(
        RuntimeApiClient client, ILogger logger, Exception exception, CancellationToken cancellationToken)
    {
        var errorType = exception is OptionsValidationException ? "Runtime.ConfigInvalid" : "Runtime.InitError";
        Log.InitFailed(logger, errorType, exception);
        try
        {
            await client.PostInitErrorAsync(
                errorType, $"{exception.GetType().Name}: {exception.Message}", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception postFailure)
        {
            Log.InitErrorNotReported(logger, postFailure);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Critical, "The Lambda host cannot start: {Problem}")]
        public static partial void CannotStart(ILogger logger, string problem);

        [LoggerMessage(
            11,
            LogLevel.Critical,
            "Function initialisation failed ({ErrorType}); reported to /runtime/init/error, exiting")]
        public static partial void InitFailed(ILogger logger, string errorType, Exception exception);

        [LoggerMessage(12, LogLevel.Critical, "The init error could not be reported to the Runtime API")]
        public static partial void InitErrorNotReported(ILogger logger, Exception exception);

        [LoggerMessage(
            13, LogLevel.Information, "Shut down on SIGTERM; every record taken was published or kept as undelivered")]
        public static partial void Terminated(ILogger logger);
    }
}
