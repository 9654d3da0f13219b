
namespace TrackingPixel;

/// <summary>Sets <c>gpc</c> and <c>dnt</c>.</summary>
internal sealed class ConsentSignalsExtractor : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record)
    {
        record.Set(FieldNames.Gpc, ConsentSignals.GlobalPrivacyControl(request));
        record.Set(FieldNames.Dnt, ConsentSignals.DoNotTrack(request));
    }

    public IEnumerable<FieldDescriptor> DescribeFields() =>
    [
        new(FieldNames.Gpc, FieldType.Boolean, "Whether the request carried Sec-GPC: 1 (Global Privacy Control)."),
        new(FieldNames.Dnt, FieldType.Boolean, "Whether the request carried DNT: 1."),
    ];
}
