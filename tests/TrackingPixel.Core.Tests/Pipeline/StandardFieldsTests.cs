using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Pipeline;

public class StandardFieldsTests
{
    [Fact]
    public void Collect_OriginalExampleRequest_WritesTheOriginalFiveFieldsInOrder()
    {
        var line = Some.RecordOf(Some.OriginalExampleRequest());

        Assert.Equal(
            """{"date":"2024-05-01T12:34:56.789Z","ip":"203.0.113.7","userAgent":"Mozilla/5.0 (Windows NT 10.0; """ +
                """Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 """ +
                """Safari/537.36","userId":"aws_user","thirdPartyId":"example.hightrafficwebsite.com"}""" + "\n",
            line);
    }

    [Fact]
    public void Collect_NoQueryString_WritesUnknownForAbsentParameters()
    {
        var line = Some.RecordOf(Some.Request(peer: null));

        Assert.Equal(
            """{"date":"2024-05-01T12:34:56.789Z","ip":"unknown","userAgent":"unknown","userId":"unknown","thirdPar""" +
                """tyId":"unknown"}""" + "\n",
            line);
    }
}
