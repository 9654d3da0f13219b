using System.Buffers;

namespace TrackingPixel;

/// <summary>
/// Sets <c>country</c>, <c>region</c> and <c>city</c> from CloudFront's viewer location headers, each only when
/// present.
/// </summary>
/// <remarks>
/// CloudFront adds these headers when the cache or origin request policy forwards them, replacing any a client sent.
/// Without CloudFront in front a client can send them itself, so enable this only behind CloudFront. The country must
/// be two letters and the region one to three letters or digits (ISO 3166); other values are reported and left out.
/// </remarks>
internal sealed class CloudFrontViewerFieldsExtractor : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record)
    {
        Copy(request, record, "CloudFront-Viewer-Country", FieldNames.Country, Ascii.Letters, 2, 2);
        Copy(request, record, "CloudFront-Viewer-Country-Region", FieldNames.Region, Ascii.LettersAndDigits, 1, 3);
        Copy(request, record, "CloudFront-Viewer-City", FieldNames.City, null, 1, 128);
    }

    private static void Copy(
        PixelRequest request,
        RecordBuilder record,
        string header,
        string field,
        SearchValues<char>? allowed,
        int minLength,
        int maxLength)
    {
        if (!request.Headers.TryGetValue(header, out var value))
        {
            return;
        }

        if (value.Length < minLength || value.Length > maxLength
            || (allowed is not null && value.AsSpan().ContainsAnyExcept(allowed)))
        {
            record.ReportInputProblem(field, $"{header} is not in CloudFront's format");
            return;
        }

        record.Set(field, value);
    }

    public IEnumerable<FieldDescriptor> DescribeFields() =>
    [
        new(FieldNames.Country, FieldType.Text, "CloudFront viewer country (ISO 3166-1 alpha-2), when present."),
        new(FieldNames.Region, FieldType.Text, "CloudFront viewer country region " +
            "(ISO 3166-2 subdivision), when present."),
        new(FieldNames.City, FieldType.Text, "CloudFront viewer city, when present."),
    ];
}
