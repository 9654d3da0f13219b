namespace TrackingPixel.Sample.CustomFields;

/// <summary>The sample's record: the original five fields, campaign fields and the device class.</summary>
public static class CampaignFields
{
    /// <summary>
    /// Adds the standard fields, one field per campaign parameter, and <see cref="DeviceClassExtractor"/>.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddCampaignFields(this ITrackingPixelBuilder builder) => builder
        .AddStandardFields()
        .AddQueryField("campaign", "campaign")
        .AddQueryField("utmSource", "utm_source")
        .AddQueryField("utmMedium", "utm_medium")
        .AddQueryField("utmCampaign", "utm_campaign")
        .AddQueryField("utmTerm", "utm_term")
        .AddQueryField("utmContent", "utm_content")
        .AddExtractor<DeviceClassExtractor>();
}
