
namespace TrackingPixel;

/// <summary>
/// Sets <c>language</c>: the first tag of <c>Accept-Language</c> (<c>en-US</c> from <c>en-US,en;q=0.9</c>).
/// </summary>
/// <remarks>
/// Browsers list the user's preferred language first. The tag is checked against the BCP 47 shape (a 2 to 8 letter
/// language, then subtags of 1 to 8 letters or digits, 35 characters at most); anything else, and the wildcard
/// <c>*</c>, records the missing value, and malformed input is reported without its value.
/// </remarks>
internal sealed class LanguageFieldExtractor(string fieldName) : IFieldExtractor
{
    private const int MaxTagLength = 35;

    public void Extract(PixelRequest request, RecordBuilder record)
    {
        if (!request.Headers.TryGetValue("Accept-Language", out var header))
        {
            record.Set(fieldName, (string?)null);
            return;
        }

        var tag = header.AsSpan();
        var end = tag.IndexOfAny(',', ';');
        tag = (end >= 0 ? tag[..end] : tag).Trim();
        if (tag is "*" || tag.IsEmpty)
        {
            record.Set(fieldName, (string?)null);
            return;
        }

        if (!IsLanguageTag(tag))
        {
            record.ReportInputProblem(fieldName, "Accept-Language does not start with a language tag");
            record.Set(fieldName, (string?)null);
            return;
        }

        record.Set(fieldName, tag.Length == header.Length ? header : tag.ToString());
    }

    internal static bool IsLanguageTag(ReadOnlySpan<char> tag)
    {
        if (tag.Length > MaxTagLength)
        {
            return false;
        }

        var first = true;
        while (true)
        {
            var dash = tag.IndexOf('-');
            var subtag = dash < 0 ? tag : tag[..dash];
            if (subtag.Length is 0 or > 8
                || (first ? subtag.Length < 2 || !IsLetters(subtag) : !IsLettersOrDigits(subtag)))
            {
                return false;
            }

            if (dash < 0)
            {
                return true;
            }

            first = false;
            tag = tag[(dash + 1)..];
        }
    }

    private static bool IsLetters(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Ascii.Letters);

    private static bool IsLettersOrDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Ascii.LettersAndDigits);

    public IEnumerable<FieldDescriptor> DescribeFields() =>
        [new(fieldName, FieldType.Text, "Primary language tag of the Accept-Language header.")];
}
