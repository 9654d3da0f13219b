using TrackingPixel.Aws.Tests.Support;

namespace TrackingPixel.Firehose.Tests;

public sealed class FirehosePublisherOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultsWithStreamAndRegion_Succeeds()
    {
        var result = Validate(
            new FirehosePublisherOptions { DeliveryStreamName = "pixels" }, new() { ["AWS_REGION"] = "us-east-1" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_NothingSet_NamesStreamAndRegionFixes()
    {
        var result = Validate(new FirehosePublisherOptions(), []);

        Assert.Contains(
            result.Failures!,
            f => f.StartsWith("DeliveryStreamName is required", StringComparison.Ordinal) && f.Contains(
                "KINESIS_FIREHOSE_STREAM_NAME", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("AWS_REGION", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_024_001)]
    public void Validate_PackedRecordBytesOutOfRange_NamesTheRange(int bytes)
    {
        var options = new FirehosePublisherOptions
        {
            DeliveryStreamName = "pixels",
            Region = "us-east-1",
            PackedRecordBytes = bytes,
        };

        var result = Validate(options, []);

        Assert.Contains(
            result.Failures!, f => f.StartsWith($"PackedRecordBytes is {bytes}; use 0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("arn:aws:firehose:us-east-1:123456789012:deliverystream/pixels")]
    [InlineData("has space")]
    [InlineData("a-very-long-name-that-goes-on-and-on-and-on-past-sixty-four-characters")]
    public void Validate_NotAStreamName_SaysUseTheName(string name)
    {
        var result = Validate(new FirehosePublisherOptions { DeliveryStreamName = name, Region = "us-east-1" }, []);

        Assert.Equal(
            $"DeliveryStreamName '{name}' is not a stream name: use 1 to 64 letters, digits, '_', '.' or '-' (the " +
                "name, not the ARN).",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_BadLimitsAndEndpoint_ReportsEach()
    {
        var options = new FirehosePublisherOptions
        {
            DeliveryStreamName = "pixels",
            Region = "US East",
            RequestTimeout = TimeSpan.Zero,
            MaxAttempts = 0,
            BaseRetryDelay = TimeSpan.FromSeconds(2),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
        };

        var result = Validate(options, new() { ["AWS_ENDPOINT_URL"] = "not a url" });

        Assert.Equal(5, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("AWS_ENDPOINT_URL", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("MaxAttempts is 0", StringComparison.Ordinal));
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(
        FirehosePublisherOptions options, Dictionary<string, string> env) =>
        new FirehosePublisherOptionsValidator(new FakeEnvironment(env)).Validate(null, options);
}
