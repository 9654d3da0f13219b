using System.Text;
using TrackingPixel.Kinesis.Client;

namespace TrackingPixel.Kinesis.Tests.Client;

public class PutRecordsResponseTests
{
    [Fact]
    public void Read_MixedAnswer_GivesEachEntrysErrorCodeInOrder()
    {
        var body = """
            {"FailedRecordCount":2,"Records":[{"SequenceNumber":"1","ShardId":"shardId-0"},
            {"ErrorCode":"ProvisionedThroughputExceededException","ErrorMessage":"Rate exceeded"},
            {"ErrorCode":"KMSThrottlingException","ErrorMessage":"slow down"}],"EncryptionType":"KMS"}
            """;

        var errors = PutRecordsResponse.Read(Encoding.UTF8.GetBytes(body), 3);

        string?[] expected = [null, "ProvisionedThroughputExceededException", "KMSThrottlingException"];
        Assert.Equal(expected, errors!);
    }

    [Theory]
    [InlineData("""{"FailedRecordCount":0,"Records":[{"SequenceNumber":"1"}]}""")]
    [InlineData("""{"FailedRecordCount":1,"Records":[{"SequenceNumber":"1"},{"SequenceNumber":"2"}]}""")]
    [InlineData("""<html>502 Bad Gateway</html>""")]
    [InlineData("""{"FailedRecordCount":0,"Records":[{"SequenceNumber":"1"},{"SequenceNumber":"2"}""")]
    public void Read_AnswerThatDoesNotAccountForEveryEntry_IsAnUnknownOutcome(string body)
    {
        Assert.Null(PutRecordsResponse.Read(Encoding.UTF8.GetBytes(body), 2));
    }

    [Fact]
    public void Read_EntryWithoutSequenceNumberOrError_CountsAsFailed()
    {
        var errors = PutRecordsResponse.Read("""{"Records":[{"ShardId":"shardId-0"}]}"""u8, 1);

        Assert.NotNull(Assert.Single(errors!));
    }
}
