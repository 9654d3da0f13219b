
namespace TrackingPixel;

/// <summary>Sets <c>date</c>: the time the platform received the request.</summary>
internal sealed class DateFieldExtractor : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record) => record.Set(FieldNames.Date, request.Timestamp);

    public IEnumerable<FieldDescriptor> DescribeFields() =>
    [
        new(FieldNames.Date, FieldType.Timestamp, "Time the platform received the request, " +
            "ISO 8601 UTC with milliseconds."),
    ];
}
