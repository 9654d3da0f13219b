using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.StandardFields;

public class DelegateFieldExtractorTests
{
    [Fact]
    public void Extract_DelegateReturnsValue_WritesIt()
    {
        var record = new RecordBuilder("unknown");

        new DelegateFieldExtractor("path", r => r.Path).Extract(Some.Request(), record);

        Assert.True(record.TryGetString("path", out var value));
        Assert.Equal("/pixel.gif", value);
    }

    [Fact]
    public void Extract_DelegateReturnsNull_WritesTheMissingValue()
    {
        var record = new RecordBuilder("unknown");

        new DelegateFieldExtractor("nothing", _ => null).Extract(Some.Request(), record);

        Assert.True(record.TryGetString("nothing", out var value));
        Assert.Equal("unknown", value);
    }
}
