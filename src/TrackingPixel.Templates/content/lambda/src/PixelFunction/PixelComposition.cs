using Microsoft.Extensions.DependencyInjection;

namespace PixelFunction;

/// <summary>What this pixel records and where the records go; the tests run the same record.</summary>
public static class PixelComposition
{
#if (UseFirehose)
    /// <summary>The Firehose delivery stream's name; template.yaml sets it.</summary>
    public const string StreamNameVariable = "KINESIS_FIREHOSE_STREAM_NAME";

#endif
    /// <summary>A folder for NDJSON record files, for local runs and <c>sam local invoke</c>.</summary>
    public const string RecordsDirectoryVariable = "TRACKINGPIXEL_RECORDS_DIRECTORY";

    /// <summary>The record's fields: the five standard ones and the custom <c>channel</c>.</summary>
    /// <param name="pixel">The TrackingPixel builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddPixelRecord(this ITrackingPixelBuilder pixel) => pixel
        .AddStandardFields()
        .AddExtractor<ChannelExtractor>();

    /// <summary>Where records go, from the function's environment variables.</summary>
    /// <param name="pixel">The TrackingPixel builder.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// Other sinks: implement <c>IRecordPublisher</c> and register it with <c>UsePublisher</c>; a sink package (such
    /// as a future TrackingPixel.Kinesis) brings its own <c>Use…Publisher</c> extension to call here instead.
    /// </remarks>
    public static ITrackingPixelBuilder UsePixelPublisher(
        this ITrackingPixelBuilder pixel, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var folder = environment(RecordsDirectoryVariable);
#if (UseFirehose)
        var stream = environment(StreamNameVariable);
        if (!string.IsNullOrWhiteSpace(stream))
        {
            return pixel.UseFirehosePublisher(o => o.DeliveryStreamName = stream);
        }

        // No silent default: without either, init fails and Lambda reports why.
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new InvalidOperationException(
                $"Set {StreamNameVariable} (or {RecordsDirectoryVariable} for local runs).");
        }

#endif
        return pixel.UseFilePublisher(o => o.Directory = string.IsNullOrWhiteSpace(folder) ? "/tmp/records" : folder);
    }
}
