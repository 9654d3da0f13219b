using Microsoft.Extensions.Options;

namespace TrackingPixel.Firehose.Publishing;

/// <summary>
/// Refuses record limits larger than a Firehose record can hold, once Firehose is the chosen publisher.
/// </summary>
/// <remarks>
/// Core bounds records only by memory; the sink's own limit belongs to the sink, so choosing Firehose adds this check
/// and a bad value fails start-up (or Lambda init) instead of every publish.
/// </remarks>
internal sealed class FirehoseRecordLimitValidator : IValidateOptions<TrackingPixelOptions>
{
    public ValidateOptionsResult Validate(string? name, TrackingPixelOptions options)
    {
        return options.MaxRecordBytes > FirehoseLimits.MaxRecordBytes
            ? ValidateOptionsResult.Fail(
                $"MaxRecordBytes is {options.MaxRecordBytes}; Firehose takes records of at most "
                + $"{FirehoseLimits.MaxRecordBytes} bytes, so set it to {FirehoseLimits.MaxRecordBytes} or less.")
            : ValidateOptionsResult.Success;
    }
}
