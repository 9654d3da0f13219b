using Microsoft.Extensions.Options;
using TrackingPixel.Aws;
using TrackingPixel.Kinesis.Client;

namespace TrackingPixel.Kinesis;

/// <summary>Checks the Kinesis options together with the environment they fall back to, naming what to fix.</summary>
internal sealed class KinesisPublisherOptionsValidator(IAwsEnvironment environment)
    : IValidateOptions<KinesisPublisherOptions>
{
    public ValidateOptionsResult Validate(string? name, KinesisPublisherOptions options)
    {
        var failures = new List<string>();
        var stream = KinesisStream.Parse(options.Stream);
        if (string.IsNullOrEmpty(options.Stream))
        {
            failures.Add("Stream is required: set it in UseKinesisPublisher(o => o.Stream = ...) to the stream's name "
                + "or ARN, for example from TRACKINGPIXEL_KINESIS_STREAM.");
        }
        else if (stream is null)
        {
            failures.Add($"Stream '{options.Stream}' is neither a stream name (1 to 128 letters, digits, '_', '.' or "
                + "'-') nor a stream ARN (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME).");
        }

        var region = RegionOf(options, stream, environment);
        if (region is null)
        {
            failures.Add("No AWS region: give the stream as an ARN, set KinesisPublisherOptions.Region, or set "
                + "AWS_REGION or AWS_DEFAULT_REGION.");
        }
        else if (!KinesisStream.IsRegion(region))
        {
            failures.Add($"Region '{region}' is not an AWS region code such as 'us-east-1'.");
        }
        else if (stream?.Region is { } arnRegion && options.Region is { Length: > 0 } && arnRegion != options.Region)
        {
            failures.Add($"Region '{options.Region}' is not the region of the stream's ARN ('{arnRegion}'); "
                + "leave Region unset or make them agree.");
        }

        if (AwsEndpoint.ExplicitUrlFrom(AwsService.Kinesis, options.EndpointUrl, environment) is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"The Kinesis endpoint '{url}' (EndpointUrl, AWS_ENDPOINT_URL_KINESIS or AWS_ENDPOINT_URL) "
                + "is not an absolute http or https URL.");
        }

        if (options.PartitionKeyField is { } field && string.IsNullOrWhiteSpace(field))
        {
            failures.Add("PartitionKeyField is blank: name a record field such as 'eventId', or leave it null for "
                + "random keys.");
        }

        if (options.PackedRecordBytes is < 0 or > KinesisLimits.MaxDataBytes)
        {
            failures.Add($"PackedRecordBytes is {options.PackedRecordBytes}; use 0 (no packing) up to "
                + $"{KinesisLimits.MaxDataBytes}.");
        }

        RetryLimits.Check(
            options.RequestTimeout, options.MaxPublishDuration, options.BaseRetryDelay, options.MaxRetryDelay,
            options.MaxAttempts, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The region requests are signed for: the option, else the ARN's, else the environment's.</summary>
    public static string? RegionOf(
        KinesisPublisherOptions options, KinesisStream? stream, IAwsEnvironment environment) =>
        AwsEndpoint.RegionFrom(options.Region is { Length: > 0 } ? options.Region : stream?.Region, environment);
}
