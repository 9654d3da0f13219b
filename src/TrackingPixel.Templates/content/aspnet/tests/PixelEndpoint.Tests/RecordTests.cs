using PixelEndpoint;
using TrackingPixel.Testing;
using Xunit;

namespace PixelEndpoint.Tests;

/// <summary>
/// Pins the record this endpoint publishes, byte for byte, against the files in <c>__snapshots__</c>.
/// After a deliberate change, run <c>UPDATE_SNAPSHOTS=1 dotnet test</c> and review the snapshot diff before
/// committing it.
/// </summary>
public class RecordTests
{
    [Fact]
    public void Record_ForABrowserView_MatchesTheSnapshot()
    {
        const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/124.0 Safari/537.36";
        var request = TestRequest.Get("/pixel.gif")
            .WithQuery("userid=u-42&thirdpartyname=news.example&ch=web")
            .WithUserAgent(Chrome)
            .WithClientAddress("198.51.100.23");

        var record = PixelTestHost.RecordOf(pixel => pixel.AddPixelRecord(), request);

        RecordSnapshot.Match(record, "browser-view");
    }
}
