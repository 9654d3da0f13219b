using System.Text;

namespace TrackingPixel.Aws.Tests.Client;

public sealed class AwsJsonResponseTests
{
    [Theory]
    [InlineData("""{"__type":"com.amazonaws.firehose#ResourceNotFoundException","message":"gone"}""", null, "ResourceNotFoundException", "gone")]
    [InlineData("""{"__type":"ServiceUnavailableException:http://internal","Message":"slow"}""", null, "ServiceUnavailableException", "slow")]
    [InlineData("""not json""", "ThrottlingException:extra", "ThrottlingException", "")]
    public void ReadError_TypeInBodyOrHeader_SanitisedLikeBotocore(string body, string? header, string code, string message) =>
        Assert.Equal((code, message), AwsJsonResponse.ReadError(Encoding.UTF8.GetBytes(body), header));

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
        Assert.Equal(retryable, AwsErrors.IsRetryable(code, status));
}
