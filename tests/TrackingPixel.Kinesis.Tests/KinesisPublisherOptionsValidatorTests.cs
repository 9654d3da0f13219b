using TrackingPixel.Aws.Tests.Support;
using TrackingPixel.Kinesis.Client;

namespace TrackingPixel.Kinesis.Tests;

public class KinesisPublisherOptionsValidatorTests
{
    [Fact]
    public void Validate_StreamArnWithoutRegionVariables_IsValidAndTakesTheArnsRegion()
    {
        var options = new KinesisPublisherOptions { Stream = "arn:aws:kinesis:eu-west-1:123456789012:stream/pixels" };

        var result = new KinesisPublisherOptionsValidator(new FakeEnvironment()).Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        var stream = KinesisStream.Parse(options.Stream);
        Assert.Equal("eu-west-1", KinesisPublisherOptionsValidator.RegionOf(options, stream, new FakeEnvironment()));
    }

    [Fact]
    public void Validate_EverySettingWrong_NamesEachOneToFix()
    {
        var options = new KinesisPublisherOptions
        {
            Stream = "arn:aws:kinesis:eu-west-1:123456789012:stream/pixels",
            Region = "us-east-1",
            EndpointUrl = new Uri("ftp://example.com/"),
            PartitionKeyField = " ",
            PackedRecordBytes = 2_000_000,
            MaxAttempts = 0,
            RequestTimeout = TimeSpan.Zero,
        };

        var failures = new KinesisPublisherOptionsValidator(new FakeEnvironment()).Validate(null, options).Failures!;

        Assert.Contains(failures, f => f.Contains("not the region of the stream's ARN", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("AWS_ENDPOINT_URL_KINESIS", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("PartitionKeyField", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("PackedRecordBytes", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("RequestTimeout", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "Stream is required")]
    [InlineData("not a stream", "is neither a stream name")]
    public void Validate_MissingOrMalformedStream_SaysWhatAStreamLooksLike(string? stream, string message)
    {
        var environment = new FakeEnvironment(new() { ["AWS_REGION"] = "us-east-1" });

        var result = new KinesisPublisherOptionsValidator(environment).Validate(null, new() { Stream = stream });

        Assert.Contains(result.Failures!, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_StreamNameWithoutAnyRegion_AsksForOne()
    {
        var validator = new KinesisPublisherOptionsValidator(new FakeEnvironment());

        var result = validator.Validate(null, new() { Stream = "pixels" });

        Assert.Contains(result.Failures!, f => f.StartsWith("No AWS region", StringComparison.Ordinal));
    }
}
