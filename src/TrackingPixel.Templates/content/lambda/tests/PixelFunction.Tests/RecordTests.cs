using PixelFunction;
using TrackingPixel.Testing;
using Xunit;

namespace PixelFunction.Tests;

/// <summary>
/// Pins the record this function publishes, byte for byte, against the files in <c>__snapshots__</c>.
/// After a deliberate change, run <c>UPDATE_SNAPSHOTS=1 dotnet test</c> and review the snapshot diff before
/// committing it.
/// </summary>
public class RecordTests
{
    [Fact]
    public void Record_ForAnHttpApiEvent_MatchesTheSnapshot()
    {
        using var host = PixelTestHost.Create(pixel => pixel.AddPixelRecord());

        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", "http-api-v2.json"));

        var record = host.RecordOfLambdaEvent(json);

        RecordSnapshot.Match(record, "http-api-v2");
    }

    [Fact]
    public void Channel_FromTheQuery_IsRecorded()
    {
        var record = PixelTestHost.RecordOf(pixel => pixel.AddPixelRecord(), TestRequest.Get().WithQuery("ch=web"));

        Assert.Contains("\"channel\":\"web\"", record?.Text, StringComparison.Ordinal);
    }
}
