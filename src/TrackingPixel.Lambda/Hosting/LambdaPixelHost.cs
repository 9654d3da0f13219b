using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Lambda.Hosting;

namespace TrackingPixel.Lambda;

/// <summary>
/// Runs TrackingPixel as a Lambda function on a custom runtime (<c>provided.al2023</c>, Native AOT): the whole of a
/// function's <c>Main</c> is one call.
/// </summary>
/// <example>
/// <code>
/// return await LambdaPixelHost.RunAsync(services => services.AddTrackingPixel().AddStandardFields());
/// </code>
/// </example>
public static class LambdaPixelHost
{
    /// <summary>
    /// Builds the services, then serves invocations from the Runtime API until it fails or is stopped.
    /// </summary>
    /// <param name="configureServices">
    /// Registers TrackingPixel (<c>AddTrackingPixel()</c>), its fields and its publisher.
    /// </param>
    /// <param name="configureHost">
    /// Overrides the host options, which default to the environment Lambda sets; <see langword="null"/> keeps them.
    /// </param>
    /// <param name="cancellationToken">Stops the host; the invocation in progress is abandoned.</param>
    /// <returns>
    /// The exit code for <c>Main</c>: 0 when stopped, 1 after a start-up failure or a Runtime API failure.
    /// </returns>
    /// <remarks>
    /// Start-up failures (an exception from <paramref name="configureServices"/>, invalid options, no fields) are
    /// reported to <c>/runtime/init/error</c> and end the host. An event that is not an HTTP event, or an exception
    /// while handling one, is reported to that invocation's <c>/error</c> and the host keeps serving. The pixel is
    /// posted first; the record is published afterwards, within the invocation's deadline, before the next event is
    /// requested, because Lambda freezes the environment while the host waits for it. With
    /// <see cref="LambdaHostOptions.MaxConcurrency"/> above 1 (Lambda Managed Instances) that many invocations are
    /// served at once. On SIGTERM the host stops asking for events, lets invocations in progress publish for
    /// <see cref="LambdaHostOptions.ShutdownGracePeriod"/>, sends what is left to the undelivered-record sink and
    /// returns 0.
    /// </remarks>
    public static async Task<int> RunAsync(
        Action<IServiceCollection> configureServices,
        Action<LambdaHostOptions>? configureHost = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        var options = new LambdaHostOptions();
        configureHost?.Invoke(options);
        using var terminate = new CancellationTokenSource();

        // Cancelling the signal's default action keeps the process alive until the records in hand are settled.
        using var onSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            terminate.Cancel();
        });
        return await LambdaHost.RunAsync(configureServices, options, handler: null, terminate.Token, cancellationToken)
            .ConfigureAwait(false);
    }
}
