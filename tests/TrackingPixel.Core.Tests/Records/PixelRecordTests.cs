using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Records;

public class PixelRecordTests
{
    [Fact]
    public void Dispose_Twice_IsSafeAndDataIsNoLongerReadable()
    {
        using var services = Some.Services();
        var record = services.GetRequiredService<PixelPipeline>().Collect(Some.Request())!;
        Assert.Equal((byte)'\n', record.Data.Span[^1]);

        record.Dispose();
        record.Dispose();

        Assert.Throws<ObjectDisposedException>(() => record.Data);
    }
}
