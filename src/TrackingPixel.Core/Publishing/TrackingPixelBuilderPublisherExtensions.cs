using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrackingPixel.Publishing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses where records go and where undelivered records are kept.</summary>
public static class TrackingPixelBuilderPublisherExtensions
{
    /// <summary>Replaces the publisher with your own, created once by dependency injection.</summary>
    /// <typeparam name="T">The publisher type.</typeparam>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder UsePublisher<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(
        this ITrackingPixelBuilder builder)
        where T : class, IRecordPublisher
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IRecordPublisher, T>());
        return builder;
    }

    /// <summary>
    /// Replaces the publisher with a factory, for publishers that need configuration at construction.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="factory">Creates the publisher once.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder UsePublisher(
        this ITrackingPixelBuilder builder, Func<IServiceProvider, IRecordPublisher> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        return builder;
    }

    /// <summary>
    /// Replaces where undelivered records are kept; by default each is one JSON line on standard output.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="sink">The sink; must be thread-safe.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder UseUndeliveredRecordSink(
        this ITrackingPixelBuilder builder, IUndeliveredRecordSink sink)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sink);
        builder.Services.Replace(ServiceDescriptor.Singleton(sink));
        return builder;
    }
}
