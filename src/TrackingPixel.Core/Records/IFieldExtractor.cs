
namespace TrackingPixel;

/// <summary>
/// The plug-in point of the record: reads a <see cref="PixelRequest"/> and sets one or more fields of the record.
/// </summary>
/// <remarks>
/// Extractors run in registration order, one request at a time per call, possibly concurrently across requests,
/// so implementations must be thread-safe and should keep no per-request state. An extractor that throws does not
/// break the request: the pipeline logs and counts the failure and the record goes out with the other fields.
/// </remarks>
public interface IFieldExtractor
{
    /// <summary>Sets this extractor's fields on <paramref name="record"/> from <paramref name="request"/>.</summary>
    /// <param name="request">The request being recorded.</param>
    /// <param name="record">The record being built; fields keep the order they are first set in.</param>
    void Extract(PixelRequest request, RecordBuilder record);

    /// <summary>
    /// Describes the fields this extractor sets, so the record's JSON Schema and Athena table can be generated.
    /// </summary>
    /// <returns>The fields, in the order they are set; none by default.</returns>
    IEnumerable<FieldDescriptor> DescribeFields() => [];
}
