using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrackingPixel;
using TrackingPixel.Publishing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TrackingPixel in a service collection.</summary>
public static class TrackingPixelServiceCollectionExtensions
{
    /// <summary>Registers the TrackingPixel pipeline, with the file publisher as the default publisher.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to add fields and choose the publisher with.</returns>
    /// <remarks>Safe to call more than once; services already registered are kept.</remarks>
    public static ITrackingPixelBuilder AddTrackingPixel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TrackingPixelOptions>().ValidateOnStart();
        services.AddOptions<FilePublisherOptions>();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TrackingPixelOptions>, TrackingPixelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrackingPixelMetrics>();
        services.TryAddSingleton(
            sp => new ClientIpResolver(sp.GetRequiredService<IOptions<TrackingPixelOptions>>().Value.ClientIp));
        services.TryAddSingleton<IRecordPublisher>(sp => new FilePublisher(
            sp.GetRequiredService<IOptions<FilePublisherOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IUndeliveredRecordSink>(
            sp => new ConsoleUndeliveredRecordSink(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PixelPipeline(
            sp.GetServices<IFieldExtractor>(),
            sp.GetServices<IRecordPolicy>(),
            sp.GetRequiredService<IOptions<TrackingPixelOptions>>().Value,
            sp.GetRequiredService<IRecordPublisher>(),
            sp.GetRequiredService<IUndeliveredRecordSink>(),
            sp.GetRequiredService<TrackingPixelMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<PixelPipeline>>() ?? NullLogger<PixelPipeline>.Instance));
        return new TrackingPixelBuilder(services);
    }

    /// <summary>Registers the TrackingPixel pipeline and configures its options.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">
    /// Sets the options; see <see cref="TrackingPixelOptions"/> for defaults and ranges.
    /// </param>
    /// <returns>A builder to add fields and choose the publisher with.</returns>
    public static ITrackingPixelBuilder AddTrackingPixel(
        this IServiceCollection services, Action<TrackingPixelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddTrackingPixel();
        services.Configure(configure);
        return builder;
    }
}
