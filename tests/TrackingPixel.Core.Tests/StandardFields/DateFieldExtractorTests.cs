
namespace TrackingPixel.Tests.StandardFields;

public class DateFieldExtractorTests
{
    [Theory]
    [InlineData(0, "2024-05-01T12:34:56.789Z")]
    [InlineData(2, "2024-05-01T10:34:56.789Z")]
    [InlineData(-5, "2024-05-01T17:34:56.789Z")]
    public void Extract_AnyOffset_WritesUtcIsoWithMilliseconds(int offsetHours, string expected)
    {
        var request = new PixelRequest
        {
            Timestamp = new DateTimeOffset(2024, 5, 1, 12, 34, 56, 789, TimeSpan.FromHours(offsetHours)),
        };
        var record = new RecordBuilder("unknown");

        new DateFieldExtractor().Extract(request, record);

        Assert.Equal($$"""{"date":"{{expected}}"}""" + "\n", Written(record));
    }

    internal static string Written(RecordBuilder record)
    {
        using var writer = new RecordWriter(1024, 32 * 1024);
        using var written = writer.Write(record);
        return written.ToString();
    }
}
