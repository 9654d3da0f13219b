using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.EventIds;

public class EventIdFieldTests
{
    [Fact]
    public void AddEventIdField_PlatformRequestId_UsesIt()
    {
        var line = Some.RecordOf(Some.Request(), b => b.AddEventIdField());

        Assert.Equal("""{"eventId":"req-1"}""" + "\n", line);
    }

    [Fact]
    public void AddEventIdField_NoRequestId_WritesAUuidV7()
    {
        var request = new PixelRequest { Timestamp = Some.Time };

        var line = Some.RecordOf(request, b => b.AddEventIdField());

        var id = JsonDocument.Parse(line).RootElement.GetProperty(FieldNames.EventId).GetString();
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
    }

    [Fact]
    public void AddEventIdField_AddedTwice_WritesOneField()
    {
        using var services = Some.Services(b => b.AddEventIdField().AddEventIdField());

        Assert.Single(services.GetServices<TrackingPixel.IFieldExtractor>());
    }

    [Fact]
    public void AddEventIdField_NullBuilder_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TrackingPixelBuilderEventIdExtensions.AddEventIdField(null!));
    }
}
