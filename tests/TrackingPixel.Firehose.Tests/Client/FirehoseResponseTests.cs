using System.Text;
using TrackingPixel.Firehose.Client;

namespace TrackingPixel.Firehose.Tests.Client;

public sealed class FirehoseResponseTests
{
    [Fact]
    public void ReadBatch_MixedAnswer_ReturnsErrorCodePerEntry()
    {
        var body = """{"FailedPutCount":1,"Encrypted":false,"RequestResponses":[{"RecordId":"a"},{"ErrorCode":"ServiceUnavailableException","ErrorMessage":"Slow down."},{"RecordId":"c"}]}""";

        var errors = FirehoseResponse.ReadBatch(Encoding.UTF8.GetBytes(body), 3);

        Assert.NotNull(errors);
        Assert.Equal(new string?[] { null, "ServiceUnavailableException", null }.AsEnumerable(), errors.AsEnumerable());
    }

    [Theory]
    [InlineData("""{"FailedPutCount":0,"RequestResponses":[{"RecordId":"a"}]}""")]
    [InlineData("""{"FailedPutCount":2,"RequestResponses":[{"RecordId":"a"},{"ErrorCode":"InternalFailure"}]}""")]
    [InlineData("""<html>Bad gateway</html>""")]
    [InlineData("""{"FailedPutCount":0,"RequestResponses":[{"RecordId":"a"},{"RecordId":"b"}""")]
    public void ReadBatch_AnswerThatDoesNotAccountForEveryEntry_IsNotTrusted(string body) =>
        Assert.Null(FirehoseResponse.ReadBatch(Encoding.UTF8.GetBytes(body), 2));

    [Theory]
    [InlineData("""{"__type":"com.amazonaws.firehose#ResourceNotFoundException","message":"gone"}""", null, "ResourceNotFoundException", "gone")]
    [InlineData("""{"__type":"ServiceUnavailableException:http://internal","Message":"slow"}""", null, "ServiceUnavailableException", "slow")]
    [InlineData("""not json""", "ThrottlingException:extra", "ThrottlingException", "")]
    public void ReadError_TypeInBodyOrHeader_SanitisedLikeBotocore(string body, string? header, string code, string message) =>
        Assert.Equal((code, message), FirehoseResponse.ReadError(Encoding.UTF8.GetBytes(body), header));

    [Theory]
    [InlineData("ServiceUnavailableException", 503, true)]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("InternalFailure", 500, true)]
    [InlineData("", 502, true)]
    [InlineData("", 429, true)]
    [InlineData("ResourceNotFoundException", 400, false)]
    [InlineData("InvalidArgumentException", 400, false)]
    [InlineData("AccessDeniedException", 400, false)]
    [InlineData("InvalidSignatureException", 403, false)]
    [InlineData("ExpiredTokenException", 403, false)]
    public void IsRetryable_ErrorCode_FollowsStandardRetryRules(string code, int status, bool retryable) =>
        Assert.Equal(retryable, FirehoseErrors.IsRetryable(code, status));
}
