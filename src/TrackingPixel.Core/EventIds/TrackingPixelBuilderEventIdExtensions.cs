using Microsoft.Extensions.DependencyInjection.Extensions;
using TrackingPixel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the per-request event id field.</summary>
public static class TrackingPixelBuilderEventIdExtensions
{
    /// <summary>
    /// Adds <c>eventId</c>: the platform's request id (API Gateway's <c>requestId</c>) when present, otherwise a
    /// time-ordered UUIDv7 (RFC 9562).
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>Adding it twice adds it once. UUIDv7 ids from one process sort in creation order.</remarks>
    public static ITrackingPixelBuilder AddEventIdField(this ITrackingPixelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(sp => new UuidV7Generator(sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFieldExtractor, EventIdFieldExtractor>(
            sp => new EventIdFieldExtractor(sp.GetRequiredService<UuidV7Generator>())));
        return builder;
    }
}
