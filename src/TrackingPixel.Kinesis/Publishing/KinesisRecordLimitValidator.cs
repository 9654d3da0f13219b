using Microsoft.Extensions.Options;
using TrackingPixel.Kinesis.Client;

namespace TrackingPixel.Kinesis.Publishing;

/// <summary>Refuses record limits larger than a Kinesis record can hold with its key, once Kinesis is the chosen
/// publisher, so a bad value fails start-up (or Lambda init) instead of every publish.</summary>
internal sealed class KinesisRecordLimitValidator : IValidateOptions<TrackingPixelOptions>
{
    public ValidateOptionsResult Validate(string? name, TrackingPixelOptions options) =>
        options.MaxRecordBytes > KinesisLimits.MaxDataBytes
            ? ValidateOptionsResult.Fail(
                $"MaxRecordBytes is {options.MaxRecordBytes}; a Kinesis record holds at most "
                + $"{KinesisLimits.MaxDataBytes} bytes besides its partition key, so set it to that or less.")
            : ValidateOptionsResult.Success;
}
