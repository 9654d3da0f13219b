using TrackingPixel.Requests;

namespace TrackingPixel.Extraction.BuiltIn;

/// <summary>Sets <c>date</c>: the time the platform received the request.</summary>
internal sealed class DateFieldExtractor : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record) => record.Set(FieldNames.Date, request.Timestamp);
}
