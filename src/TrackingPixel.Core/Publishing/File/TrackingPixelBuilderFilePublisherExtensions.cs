using Microsoft.Extensions.DependencyInjection.Extensions;
using TrackingPixel.Publishing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the embedded file publisher, the default, which needs no AWS.</summary>
public static class TrackingPixelBuilderFilePublisherExtensions
{
    /// <summary>
    /// Writes records to newline-delimited JSON files partitioned by UTC hour; this is the default publisher.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="configure">Sets the folder; see <see cref="FilePublisherOptions"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder UseFilePublisher(
        this ITrackingPixelBuilder builder, Action<FilePublisherOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<IRecordPublisher>(sp =>
            new FilePublisher(
                sp.GetRequiredService<Options.IOptions<FilePublisherOptions>>(),
                sp.GetRequiredService<TimeProvider>())));
        return builder;
    }
}
