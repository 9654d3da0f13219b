using TrackingPixel.Kinesis.Client;

namespace TrackingPixel.Kinesis.Tests.Client;

public class KinesisStreamTests
{
    [Fact]
    public void Parse_Name_HasNoArnOrRegion()
    {
        Assert.Equal(new KinesisStream("pixels_1.a-b", null, null), KinesisStream.Parse("pixels_1.a-b"));
    }

    [Theory]
    [InlineData("arn:aws:kinesis:eu-west-1:123456789012:stream/pixels", "eu-west-1")]
    [InlineData("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/pixels", "cn-north-1")]
    [InlineData("arn:aws-us-gov:kinesis:us-gov-west-1:123456789012:stream/pixels", "us-gov-west-1")]
    public void Parse_Arn_KeepsTheArnAndReadsNameAndRegion(string arn, string region)
    {
        Assert.Equal(new KinesisStream("pixels", arn, region), KinesisStream.Parse(arn));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("arn:aws:firehose:eu-west-1:123456789012:deliverystream/pixels")]
    [InlineData("arn:aws:kinesis:eu-west-1:1234:stream/pixels")]
    [InlineData("arn:aws:kinesis:eu-west-1:123456789012:stream/")]
    [InlineData("arn:aws:kinesis:EU:123456789012:stream/pixels")]
    public void Parse_NeitherNameNorStreamArn_IsNull(string text)
    {
        Assert.Null(KinesisStream.Parse(text));
        Assert.Null(KinesisStream.Parse(new string('a', 129)));
    }
}
