using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.StandardFields;

public class HeaderFieldExtractorTests
{
    [Theory]
    [InlineData("Referer")]
    [InlineData("referer")]
    [InlineData("REFERER")]
    public void Extract_HeaderInAnyCase_WritesItsValue(string sentAs)
    {
        var record = new RecordBuilder("unknown");

        new HeaderFieldExtractor("referer", "Referer").Extract(
            Some.Request(headers: new() { [sentAs] = "https://example.com/" }),
            record);

        Assert.True(record.TryGetString("referer", out var value));
        Assert.Equal("https://example.com/", value);
    }

    [Fact]
    public void Extract_HeaderAbsent_WritesTheMissingValue()
    {
        var record = new RecordBuilder("n/a");

        new HeaderFieldExtractor("referer", "Referer").Extract(Some.Request(), record);

        Assert.True(record.TryGetString("referer", out var value));
        Assert.Equal("n/a", value);
    }

    [Fact]
    public void Extract_HeaderAbsentAndNoMissingValue_WritesNull()
    {
        var record = new RecordBuilder(null);

        new HeaderFieldExtractor("referer", "Referer").Extract(Some.Request(), record);

        Assert.Equal("""{"referer":null}""" + "\n", DateFieldExtractorTests.Written(record));
    }
}
