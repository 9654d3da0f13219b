using System.Text;
using TrackingPixel.Firehose.Client;

namespace TrackingPixel.Firehose.Tests.Client;

public sealed class FirehoseResponseTests
{
    [Fact]
    public void ReadBatch_MixedAnswer_ReturnsErrorCodePerEntry()
    {
        var body = """{"FailedPutCount":1,"Encrypted":false,"RequestResponses":[{"RecordId":"a"},""" +
            """{"ErrorCode":"ServiceUnavailableException","ErrorMessage":"Slow down."},{"RecordId":"c"}]}""";

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
}
