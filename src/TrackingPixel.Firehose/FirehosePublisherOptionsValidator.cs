using Microsoft.Extensions.Options;
using TrackingPixel.Aws;
using TrackingPixel.Firehose.Publishing;

namespace TrackingPixel.Firehose;

/// <summary>Checks the Firehose options together with the environment they fall back to, naming what to fix.</summary>
internal sealed class FirehosePublisherOptionsValidator(IAwsEnvironment environment)
    : IValidateOptions<FirehosePublisherOptions>
{
    public ValidateOptionsResult Validate(string? name, FirehosePublisherOptions options)
    {
        var failures = new List<string>();
        var stream = options.DeliveryStreamName;
        if (string.IsNullOrEmpty(stream))
        {
            failures.Add(
                "DeliveryStreamName is required: set it in UseFirehosePublisher(o => o.DeliveryStreamName = ...), " +
                    "for example from KINESIS_FIREHOSE_STREAM_NAME.");
        }
        else if (stream.Length > 64 || !stream.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
        {
            failures.Add(
                $"DeliveryStreamName '{stream}' is not a stream name: use 1 to 64 letters, digits, '_', '.' or '-' " +
                    "(the name, not the ARN).");
        }

        if (AwsEndpoint.RegionFrom(options.Region, environment) is not { } region)
        {
            failures.Add(
                "No AWS region: set FirehosePublisherOptions.Region, or the AWS_REGION or AWS_DEFAULT_REGION " +
                    "environment variable.");
        }
        else if (!region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            failures.Add($"Region '{region}' is not an AWS region code such as 'us-east-1'.");
        }

        if (AwsEndpoint.ExplicitUrlFrom(AwsService.Firehose, options.EndpointUrl, environment) is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (
                uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add(
                $"The Firehose endpoint '{url}' (EndpointUrl, AWS_ENDPOINT_URL_FIREHOSE or AWS_ENDPOINT_URL) is not " +
                    "an absolute http or https URL.");
        }

        RetryLimits.Check(
            options.RequestTimeout, options.MaxPublishDuration, options.BaseRetryDelay, options.MaxRetryDelay,
            options.MaxAttempts, failures);

        if (options.PackedRecordBytes is < 0 or > FirehoseLimits.MaxRecordBytes)
        {
            failures.Add($"PackedRecordBytes is {options.PackedRecordBytes}; use 0 (no packing) or up to " +
                $"{FirehoseLimits.MaxRecordBytes}, Firehose's largest record.");
        }

        if (options.EmitEmbeddedMetrics && string.IsNullOrWhiteSpace(options.EmbeddedMetricsNamespace))
        {
            failures.Add(
                "EmbeddedMetricsNamespace is empty; set a CloudWatch namespace or turn EmitEmbeddedMetrics off.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
