
namespace TrackingPixel;

/// <summary>Sets a field from a request header, such as <c>userAgent</c> from <c>User-Agent</c>.</summary>
internal sealed class HeaderFieldExtractor(string fieldName, string headerName) : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record) =>
        record.Set(fieldName, request.Headers.TryGetValue(headerName, out var value) ? value : null);

    public IEnumerable<FieldDescriptor> DescribeFields() =>
        [new(fieldName, FieldType.Text, $"The {headerName} request header.")];
}
