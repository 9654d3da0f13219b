using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Lambda;
using TrackingPixel.Lambda.Runtime;
using TrackingPixel.Publishing;

namespace TrackingPixel.Testing;

/// <summary>
/// Runs your TrackingPixel composition in a test: the same services your function or endpoint builds, a
/// <see cref="FixedClock"/>, and a publisher that hands back each record exactly as it would have been published.
/// </summary>
/// <remarks>
/// The composition's own publisher is replaced, so nothing leaves the process; everything else (fields, policies,
/// options, their validation on start) is yours. A host is meant for one test at a time: records published by
/// concurrent calls on one host may be returned to either caller.
/// </remarks>
public sealed class PixelTestHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly CapturingPublisher _publisher = new();
    private readonly Lazy<PixelInvocationHandler> _lambda;

    private PixelTestHost(Action<IServiceCollection> configureServices, FixedClock? clock)
    {
        Clock = clock ?? new FixedClock();
        var services = new ServiceCollection();
        configureServices(services);

        // Registered after the composition so they win over its clock and publisher.
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IRecordPublisher>(_publisher);
        _services = services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            // As the Lambda host does, and a generic host on start: bad options fail here, not on the first record.
            _services.GetService<IStartupValidator>()?.Validate();
            Pipeline = _services.GetRequiredService<PixelPipeline>();
        }
        catch
        {
            _services.Dispose();
            throw;
        }

        _lambda = new(() => PixelInvocationHandler.From(_services));
    }

    /// <summary>Creates a host for a composition written on the TrackingPixel builder.</summary>
    /// <param name="compose">Adds fields and policies, as in your <c>Program.cs</c>: <c>b =&gt;
    /// b.AddStandardFields()</c>.</param>
    /// <param name="options">Sets the record options given to <c>AddTrackingPixel</c>, if your composition sets
    /// any.</param>
    /// <param name="clock">The clock; a <see cref="FixedClock"/> at <see cref="FixedClock.DefaultTime"/> by
    /// default.</param>
    /// <returns>The host, which the caller disposes.</returns>
    /// <exception cref="OptionsValidationException">An option validated on start is invalid.</exception>
    public static PixelTestHost Create(
        Action<ITrackingPixelBuilder> compose, Action<TrackingPixelOptions>? options = null, FixedClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(compose);
        return new PixelTestHost(
            services => compose(options is null ? services.AddTrackingPixel() : services.AddTrackingPixel(options)),
            clock);
    }

    /// <summary>Creates a host for a composition written on the service collection, one that calls
    /// <c>AddTrackingPixel</c> itself.</summary>
    /// <param name="configureServices">Registers the services, as the delegate given to <see
    /// cref="LambdaPixelHost.RunAsync"/> does.</param>
    /// <param name="clock">The clock; a <see cref="FixedClock"/> at <see cref="FixedClock.DefaultTime"/> by
    /// default.</param>
    /// <returns>The host, which the caller disposes.</returns>
    /// <exception cref="OptionsValidationException">An option validated on start is invalid.</exception>
    public static PixelTestHost CreateForServices(
        Action<IServiceCollection> configureServices, FixedClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        return new PixelTestHost(configureServices, clock);
    }

    /// <summary>Runs a composition once and returns the record published for <paramref name="request"/>.</summary>
    /// <param name="compose">Adds fields and policies on the TrackingPixel builder.</param>
    /// <param name="request">The request.</param>
    /// <returns>The published record; <see langword="null"/> when the composition discarded the request.</returns>
    public static PublishedRecord? RecordOf(Action<ITrackingPixelBuilder> compose, TestRequest request)
    {
        using var host = Create(compose);
        return host.Record(request);
    }

    /// <summary>Gets the clock the composition sees.</summary>
    public FixedClock Clock { get; }

    /// <summary>Gets the composition's services, to resolve anything else it registered.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Gets the composition's pipeline, for example to describe its record schema.</summary>
    public PixelPipeline Pipeline { get; }

    /// <summary>Collects and publishes the record for a request built with <see cref="TestRequest"/>.</summary>
    /// <param name="request">The request; its time is the host's clock unless it set one.</param>
    /// <returns>The published record; <see langword="null"/> when the composition discarded the request.</returns>
    public PublishedRecord? Record(TestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Record(request.ToPixelRequest(Clock));
    }

    /// <summary>Collects and publishes the record for a request view, as a self-hosted endpoint does.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The published record; <see langword="null"/> when the composition discarded the request.</returns>
    public PublishedRecord? Record(PixelRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var record = Pipeline.Collect(request);
        return record is null ? null : Publish(record);
    }

    /// <summary>Handles a Lambda event as the Lambda host does and returns the record it would publish.</summary>
    /// <remarks>
    /// The composition's pixel path (<c>UseLambdaPixelPath</c>) applies: another path gets no record, as it would get
    /// a 404. So does the host's rule that a load balancer's health check is answered but not recorded.
    /// </remarks>
    /// <param name="eventJson">An API Gateway 2.0 or 1.0, Function URL or Application Load Balancer event.</param>
    /// <returns>The published record; <see langword="null"/> when the event produced none.</returns>
    /// <exception cref="ArgumentException">The JSON is not an HTTP event the Lambda host understands.</exception>
    public PublishedRecord? RecordOfLambdaEvent(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        InvocationOutcome outcome;
        try
        {
            outcome = _lambda.Value.Handle(Encoding.UTF8.GetBytes(eventJson));
        }
        catch (Lambda.Events.UnsupportedEventException exception)
        {
            throw new ArgumentException(
                $"The JSON is not an HTTP event the Lambda host understands: {exception.Message}",
                nameof(eventJson),
                exception);
        }

        using var record = outcome.Record;
        return record is null ? null : Publish(record);
    }

    /// <summary>Disposes the composition's services.</summary>
    public void Dispose() => _services.Dispose();

    private PublishedRecord? Publish(PixelRecord record)
    {
        _publisher.Take();

        // The capturing publisher completes synchronously, so the pipeline's publish path does too.
        var publishing = Pipeline.PublishAsync(record, CancellationToken.None);
        if (!publishing.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("The record was not published synchronously to the test publisher.");
        }

        var published = _publisher.Take();
        return published.Length == 0 ? null : published[^1];
    }
}
