using TrackingPixel.Extraction;
using TrackingPixel.Requests;

namespace TrackingPixel.Privacy.Consent;

/// <summary>Sets <c>gpc</c> and <c>dnt</c>.</summary>
internal sealed class ConsentSignalsExtractor : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record)
    {
        record.Set(PrivacyFieldNames.Gpc, ConsentSignals.GlobalPrivacyControl(request));
        record.Set(PrivacyFieldNames.Dnt, ConsentSignals.DoNotTrack(request));
    }
}
