using TrackingPixel.Extraction;
using TrackingPixel.Requests;
using TrackingPixel.Schema;

namespace TrackingPixel.Privacy.Consent;

/// <summary>Sets <c>gpc</c> and <c>dnt</c>.</summary>
internal sealed class ConsentSignalsExtractor : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record)
    {
        record.Set(PrivacyFieldNames.Gpc, ConsentSignals.GlobalPrivacyControl(request));
        record.Set(PrivacyFieldNames.Dnt, ConsentSignals.DoNotTrack(request));
    }

    public IEnumerable<FieldDescriptor> DescribeFields() =>
        [new(PrivacyFieldNames.Gpc, FieldType.Boolean, "Whether the request carried Sec-GPC: 1 (Global Privacy Control)."), new(PrivacyFieldNames.Dnt, FieldType.Boolean, "Whether the request carried DNT: 1.")];
}
