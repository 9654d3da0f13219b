
namespace TrackingPixel;

/// <summary>
/// Sets <c>referer</c> from the <c>Referer</c> header without its query string, fragment or user name and password.
/// </summary>
/// <remarks>
/// Query strings of the page embedding the pixel routinely carry e-mail addresses, tokens and session ids, so they are
/// dropped unless asked for. Credentials in the authority (<c>https://user:pass@host/</c>) are always dropped.
/// </remarks>
internal sealed class RefererFieldExtractor(string fieldName, bool keepQuery) : IFieldExtractor
{
    public void Extract(PixelRequest request, RecordBuilder record)
    {
        if (!request.Headers.TryGetValue("Referer", out var referer))
        {
            record.Set(fieldName, (string?)null);
            return;
        }

        var span = referer.AsSpan().Trim();
        var end = keepQuery ? span.IndexOf('#') : span.IndexOfAny('?', '#');
        if (end >= 0)
        {
            span = span[..end];
        }

        // The authority runs from the scheme's "://" to the next '/'; an '@' inside it ends the user information.
        var authorityStart = span.IndexOf("://", StringComparison.Ordinal);
        if (authorityStart >= 0)
        {
            var authority = span[(authorityStart + 3)..];
            var slash = authority.IndexOf('/');
            var at = (slash >= 0 ? authority[..slash] : authority).LastIndexOf('@');
            if (at >= 0)
            {
                record.Set(fieldName, string.Concat(span[..(authorityStart + 3)], authority[(at + 1)..]));
                return;
            }
        }

        record.Set(fieldName, span.Length == referer.Length ? referer : span.ToString());
    }

    public IEnumerable<FieldDescriptor> DescribeFields() =>
    [
        new(fieldName, FieldType.Text, "The Referer header, without credentials and, by default, without its query " +
            "string and fragment."),
    ];
}
