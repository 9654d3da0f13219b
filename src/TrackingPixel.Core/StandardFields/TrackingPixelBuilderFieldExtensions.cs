using TrackingPixel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds fields to the record. Fields appear in the order they are added.</summary>
public static class TrackingPixelBuilderFieldExtensions
{
    /// <summary>Adds the original aws-samples record's five fields: <c>date</c>, <c>ip</c>, <c>userAgent</c>,
    /// <c>userId</c> (query <c>userid</c>) and <c>thirdPartyId</c> (query <c>thirdpartyname</c>).</summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// Adding them twice adds them once. Beacons and clicks also get <c>eventType</c> (and a click its
    /// <c>clickTarget</c>) after these; a pixel view's record is the five fields alone.
    /// </remarks>
    public static ITrackingPixelBuilder AddStandardFields(this ITrackingPixelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(StandardFieldsMarker)))
        {
            return builder;
        }

        builder.Services.AddSingleton<StandardFieldsMarker>();
        builder.Services.AddSingleton<IFieldExtractor>(new DateFieldExtractor());
        builder.Services.AddSingleton<IFieldExtractor>(sp => new ClientIpFieldExtractor(sp.GetRequiredService<ClientIpResolver>()));
        return builder
            .AddHeaderField(FieldNames.UserAgent, "User-Agent")
            .AddQueryField(FieldNames.UserId, "userid")
            .AddQueryField(FieldNames.ThirdPartyId, "thirdpartyname")
            .AddExtractor(new EventTypeFieldExtractor());
    }

    /// <summary>Adds a field holding the first value of a query parameter, or the missing value when absent.</summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="fieldName">The field's name in the record, for example <c>campaign</c>.</param>
    /// <param name="parameterName">The query parameter, compared case-sensitively, for example
    /// <c>utm_campaign</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddQueryField(
        this ITrackingPixelBuilder builder, string fieldName, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        ArgumentException.ThrowIfNullOrEmpty(parameterName);
        builder.Services.AddSingleton<IFieldExtractor>(new QueryFieldExtractor(fieldName, parameterName));
        return builder;
    }

    /// <summary>Adds a field holding a parameter of the pixel's route, or the missing value when the route has none by
    /// that name.</summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="fieldName">The field's name in the record, for example <c>campaign</c>.</param>
    /// <param name="parameterName">The route parameter, compared case-sensitively: <c>campaign</c> in
    /// <c>/o/{campaign}/{recipient}.gif</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>The route is the pattern given to <c>MapTrackingPixel</c>, or to <c>UseLambdaPixelPath</c> in
    /// Lambda.</remarks>
    public static ITrackingPixelBuilder AddRouteField(
        this ITrackingPixelBuilder builder, string fieldName, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        ArgumentException.ThrowIfNullOrEmpty(parameterName);
        builder.Services.AddSingleton<IFieldExtractor>(new RouteFieldExtractor(fieldName, parameterName));
        return builder;
    }

    /// <summary>Adds a field holding a request header's value, or the missing value when absent.</summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="fieldName">The field's name in the record, for example <c>referer</c>.</param>
    /// <param name="headerName">The header, compared case-insensitively, for example <c>Referer</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddHeaderField(
        this ITrackingPixelBuilder builder, string fieldName, string headerName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        ArgumentException.ThrowIfNullOrEmpty(headerName);
        builder.Services.AddSingleton<IFieldExtractor>(new HeaderFieldExtractor(fieldName, headerName));
        return builder;
    }

    /// <summary>Adds a computed field without writing a class.</summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="fieldName">The field's name in the record.</param>
    /// <param name="compute">Computes the value from the request; <see langword="null"/> means absent. Must be
    /// thread-safe.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddField(
        this ITrackingPixelBuilder builder, string fieldName, Func<PixelRequest, string?> compute)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        ArgumentNullException.ThrowIfNull(compute);
        builder.Services.AddSingleton<IFieldExtractor>(new DelegateFieldExtractor(fieldName, compute));
        return builder;
    }

    private sealed class StandardFieldsMarker;
}
