
namespace TrackingPixel;

/// <summary>Sets a field from the first value of a query parameter, such as <c>userId</c> from <c>userid</c>.</summary>
internal sealed class QueryFieldExtractor(string fieldName, string parameterName) : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record)
    {
        if (!request.TryGetParameter(parameterName, out var value, out var malformed))
        {
            record.Set(fieldName, (string?)null);
            return;
        }

        if (malformed)
        {
            record.ReportInputProblem(fieldName, "malformed percent-encoding or invalid UTF-8, replaced");
        }

        record.Set(fieldName, value);
    }

    public IEnumerable<FieldDescriptor> DescribeFields() =>
        [new(fieldName, FieldType.Text, $"The first value of the {parameterName} query parameter.")];
}
