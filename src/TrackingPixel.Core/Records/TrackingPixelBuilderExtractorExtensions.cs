using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrackingPixel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds your own extractors and record policies: the plug-in points every built-in field uses too.</summary>
public static class TrackingPixelBuilderExtractorExtensions
{
    /// <summary>
    /// Adds an extractor class, created once by dependency injection; adding the same type twice adds it once.
    /// </summary>
    /// <typeparam name="T">The extractor type.</typeparam>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddExtractor<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(
        this ITrackingPixelBuilder builder)
        where T : class, IFieldExtractor
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFieldExtractor, T>());
        return builder;
    }

    /// <summary>Adds an extractor instance.</summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="extractor">The extractor; must be thread-safe.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddExtractor(this ITrackingPixelBuilder builder, IFieldExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(extractor);
        builder.Services.AddSingleton(extractor);
        return builder;
    }

    /// <summary>Adds a policy applied after every extractor has run, such as one that strips identifiers.</summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="policy">The policy; must be thread-safe.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddRecordPolicy(this ITrackingPixelBuilder builder, IRecordPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(policy);
        builder.Services.AddSingleton(policy);
        return builder;
    }
}
