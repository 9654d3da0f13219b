using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Lambda.Hosting;
using TrackingPixel.Lambda.Logging;
using TrackingPixel.Lambda.Runtime;

namespace TrackingPixel.Lambda;

/// <summary>
/// The pixel as a class-library handler for the managed <c>dotnet8</c> and <c>dotnet10</c> runtimes: Stream in, Stream
/// out, so it needs neither Amazon.Lambda.Core nor a serializer.
/// </summary>
/// <example>
/// <code>
/// public sealed class PixelFunction()
///     : LambdaPixelFunction(services => services.AddTrackingPixel().AddStandardFields());
/// </code>
/// Handler string: <c>MyAssembly::MyNamespace.PixelFunction::HandleAsync</c>.
/// </example>
/// <remarks>
/// The managed runtime posts the response only when the handler returns, so this handler publishes the record
/// <em>before</em> returning, bounded by the publish timeout; the pixel's latency includes that round trip. For
/// respond-then-publish use <see cref="LambdaPixelHost"/> on <c>provided.al2023</c>. The runtime calls
/// <see cref="HandleAsync"/> for one event at a time.
/// </remarks>
public abstract class LambdaPixelFunction
{
    private readonly PixelPipeline _pipeline;
    private readonly PixelInvocationHandler _handler;
    private readonly TimeSpan _publishTimeout;

    /// <summary>
    /// Builds and validates the services; the runtime constructs the handler during init, so a failure is an init
    /// error.
    /// </summary>
    /// <param name="configureServices">
    /// Registers TrackingPixel (<c>AddTrackingPixel()</c>), its fields and its publisher.
    /// </param>
    /// <param name="publishTimeout">
    /// Bounds publishing each record, retries included; defaults to 5 seconds. A record not published in time goes to
    /// the undelivered-record sink.
    /// </param>
    protected LambdaPixelFunction(Action<IServiceCollection> configureServices, TimeSpan? publishTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        _publishTimeout = publishTimeout ?? TimeSpan.FromSeconds(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_publishTimeout, TimeSpan.Zero, nameof(publishTimeout));

        // Logging follows the function's log format and level, as in the custom-runtime host.
        var environment = new LambdaHostOptions();
        var logs = new LambdaLoggerProvider(
            new LambdaLogContext(), environment.JsonLogs, Console.Out, TimeProvider.System);
        var services = PixelServices.Build(configureServices, logs, environment.MinimumLogLevel, concurrency: 1);
        _pipeline = services.GetRequiredService<PixelPipeline>();
        _handler = PixelInvocationHandler.From(services);
    }

    /// <summary>
    /// Answers one API Gateway or Function URL event with the pixel's proxy response, after publishing its record.
    /// </summary>
    /// <param name="input">The event's JSON, as the runtime hands it over.</param>
    /// <returns>The proxy response JSON.</returns>
    /// <remarks>An event that is not an HTTP event throws, and the runtime reports it as an invocation error.</remarks>
    public async Task<Stream> HandleAsync(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var payload = new MemoryStream();
        await input.CopyToAsync(payload).ConfigureAwait(false);

        var outcome = _handler.Handle(payload.GetBuffer().AsMemory(0, (int)payload.Length));
        using (var record = outcome.Record)
        {
            if (record is not null)
            {
                using var timeout = new CancellationTokenSource(_publishTimeout);
                await _pipeline.PublishAsync(record, timeout.Token).ConfigureAwait(false);
            }
        }

        // The response bytes are shared and constant: wrap them read-only rather than copy.
        return MemoryMarshal.TryGetArray(outcome.Response, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(outcome.Response.ToArray(), writable: false);
    }
}
