namespace PixelEndpoint;

/// <summary>What this pixel records and where the records go; the tests run the same record.</summary>
public static class PixelComposition
{
    /// <summary>The record's fields: the five standard ones and the custom <c>channel</c>.</summary>
    /// <param name="pixel">The TrackingPixel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddPixelRecord(this ITrackingPixelBuilder pixel) => pixel
        .AddStandardFields()
        .AddExtractor<ChannelExtractor>();

    /// <summary>Where records go, from configuration (appsettings.json, environment variables such as
    /// <c>Records__Directory</c>).</summary>
    /// <param name="pixel">The TrackingPixel builder.</param>
    /// <param name="configuration">The app's configuration.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// Other sinks: implement <c>IRecordPublisher</c> and register it with <c>UsePublisher</c>; a sink package (such
    /// as a future TrackingPixel.Kinesis) brings its own <c>Use…Publisher</c> extension to call here instead.
    /// </remarks>
    public static ITrackingPixelBuilder UsePixelPublisher(
        this ITrackingPixelBuilder pixel, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
#if (UseFirehose)
        var stream = configuration["Records:DeliveryStreamName"];
        return pixel.UseFirehosePublisher(o => o.DeliveryStreamName = string.IsNullOrWhiteSpace(stream)
            ? throw new InvalidOperationException(
                "Set Records:DeliveryStreamName to the Firehose delivery stream's name.")
            : stream);
#else
        var folder = configuration["Records:Directory"];
        return pixel.UseFilePublisher(o => o.Directory = string.IsNullOrWhiteSpace(folder) ? "records" : folder);
#endif
    }
}
