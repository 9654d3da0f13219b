
namespace TrackingPixel;

/// <summary>Sets <c>eventId</c>: the platform's request id when it gave one, otherwise a new UUIDv7.</summary>
/// <remarks>
/// The platform's id is what its own logs carry, so a record can be traced to the invocation that produced it; a
/// retried delivery of the same record keeps the id, which is what downstream de-duplication keys on.
/// </remarks>
internal sealed class EventIdFieldExtractor(UuidV7Generator generator) : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record) =>
        record.Set(
            FieldNames.EventId,
            string.IsNullOrEmpty(request.RequestId) ? generator.Create() : request.RequestId);

    public IEnumerable<FieldDescriptor> DescribeFields() =>
    [
        new(FieldNames.EventId, FieldType.Text, "Unique id of the request for de-duplication: " +
            "the platform request id, or a UUIDv7."),
    ];
}
