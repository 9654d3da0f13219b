using System.Text;

namespace TrackingPixel.Aws.Tests.Client;

public sealed class AwsJsonResponseTests
{
    [Theory]
    [InlineData(
        """{"__type":"com.amazonaws.firehose#ResourceNotFoundException","message":"gone"}""",
        null,
        "ResourceNotFoundException",
        "gone")]
    [InlineData(
        """{"__type":"ServiceUnavailableException:http://internal","Message":"slow"}""",
        null,
        "ServiceUnavailableException",
        "slow")]
    [InlineData("""not json""", "ThrottlingException:extra", "ThrottlingException", "")]
    public void ReadError_TypeInBodyOrHeader_SanitisedLikeBotocore(
        string body, string? header, string code, string message) =>
        Assert.Equal((code, message), AwsJsonResponse.ReadError(Encoding.UTF8.GetBytes(body), header));

    [Fact]
    public void ReadEntryErrors_KinesisPutRecordsAnswer_ReadsItsMemberNames()
    {
        var body = """{"FailedRecordCount":1,"Records":[{"SequenceNumber":"1","ShardId":"s"},""" +
            """{"ErrorCode":"ProvisionedThroughputExceededException","ErrorMessage":"slow"}]}""";

        var errors = AwsJsonResponse.ReadEntryErrors(
            Encoding.UTF8.GetBytes(body), 2, "FailedRecordCount"u8, "Records"u8, "SequenceNumber"u8);

        Assert.Equal(new string?[] { null, "ProvisionedThroughputExceededException" }, errors);
    }
}
