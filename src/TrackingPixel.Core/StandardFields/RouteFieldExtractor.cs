namespace TrackingPixel;

/// <summary>
/// Sets a field from a parameter of the pixel's route, such as <c>campaign</c> from
/// <c>/o/{campaign}/{recipient}.gif</c>.
/// </summary>
internal sealed class RouteFieldExtractor(string fieldName, string parameterName) : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record) =>
        record.Set(fieldName, request.RouteValues.TryGetValue(parameterName, out var value) ? value : null);

    public IEnumerable<FieldDescriptor> DescribeFields() =>
        [new(fieldName, FieldType.Text, $"The {parameterName} parameter of the pixel's route.")];
}
