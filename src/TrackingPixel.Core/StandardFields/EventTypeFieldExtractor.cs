namespace TrackingPixel;

/// <summary>Sets <c>eventType</c> (and a click's <c>clickTarget</c>) for beacons and clicks; pixel views get
/// neither.</summary>
/// <remarks>Added with the standard fields, so a pixel view's record stays the original's five fields byte for
/// byte.</remarks>
internal sealed class EventTypeFieldExtractor : IFieldExtractor
{
    /// <summary>The parameter of a click link that holds its target; the front end has verified its
    /// signature.</summary>
    internal const string ClickTargetParameter = ClickLinkSigner.TargetParameter;

    public void Extract(PixelRequest request, RecordBuilder record)
    {
        if (request.EventType == EventTypes.Pixel)
        {
            return;
        }

        record.Set(FieldNames.EventType, request.EventType);
        if (request.EventType == EventTypes.Click)
        {
            record.Set(
                FieldNames.ClickTarget,
                request.Query.TryGetValue(ClickTargetParameter, out var target) ? target : null);
        }
    }

    public IEnumerable<FieldDescriptor> DescribeFields() =>
    [
        new(FieldNames.EventType, FieldType.Text, "beacon or click; absent for a pixel view."),
        new(
            FieldNames.ClickTarget,
            FieldType.Text,
            "The URL a signed click link redirected to; present for clicks only."),
    ];
}
