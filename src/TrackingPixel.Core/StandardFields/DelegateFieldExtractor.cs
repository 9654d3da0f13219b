
namespace TrackingPixel;

/// <summary>Sets a computed field from a user's delegate; <see langword="null"/> means absent.</summary>
internal sealed class DelegateFieldExtractor(string fieldName, Func<PixelRequest, string?> compute) : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record) => record.Set(fieldName, compute(request));

    public IEnumerable<FieldDescriptor> DescribeFields() =>
        [new(fieldName, FieldType.Text, "Computed by the application.")];
}
