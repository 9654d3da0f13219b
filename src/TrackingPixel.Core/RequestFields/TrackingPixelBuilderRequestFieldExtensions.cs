using Microsoft.Extensions.DependencyInjection.Extensions;
using TrackingPixel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds ready-made fields from common request headers, reduced to what analytics needs.</summary>
public static class TrackingPixelBuilderRequestFieldExtensions
{
    /// <summary>
    /// Adds the <c>Referer</c> header without its query string and fragment (and always without credentials).
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="keepQuery">
    /// <see langword="true"/> keeps the query string; it often carries e-mail addresses and tokens.
    /// </param>
    /// <param name="fieldName">The field's name; <c>referer</c> by default.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddRefererField(
        this ITrackingPixelBuilder builder,
        bool keepQuery = false,
        string fieldName = FieldNames.Referer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        builder.Services.AddSingleton<IFieldExtractor>(new RefererFieldExtractor(fieldName, keepQuery));
        return builder;
    }

    /// <summary>
    /// Adds the preferred language: the first tag of <c>Accept-Language</c>, such as <c>en-US</c>, validated.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="fieldName">The field's name; <c>language</c> by default.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddLanguageField(
        this ITrackingPixelBuilder builder,
        string fieldName = FieldNames.Language)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        builder.Services.AddSingleton<IFieldExtractor>(new LanguageFieldExtractor(fieldName));
        return builder;
    }

    /// <summary>
    /// Adds <c>country</c>, <c>region</c> and <c>city</c> from CloudFront's viewer headers, each only when CloudFront
    /// sent it.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// Use only behind CloudFront, with an origin request policy forwarding the <c>CloudFront-Viewer-*</c> headers.
    /// Adding it twice adds it once.
    /// </remarks>
    public static ITrackingPixelBuilder AddCloudFrontViewerFields(this ITrackingPixelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IFieldExtractor, CloudFrontViewerFieldsExtractor>(
            _ => new CloudFrontViewerFieldsExtractor()));
        return builder;
    }
}
