
namespace TrackingPixel.Sample.CustomFields;

/// <summary>
/// Sets <c>deviceClass</c> to <c>mobile</c>, <c>tablet</c>, <c>desktop</c> or <c>unknown</c> from the user agent.
/// </summary>
/// <remarks>
/// A deliberately small heuristic that shows the shape of an extractor: stateless, thread-safe, no allocation but the
/// constant it sets, and tolerant of any header value. The tokens follow the conventions browsers document: tablets
/// say <c>iPad</c> or Android without <c>Mobile</c>; phones say <c>Mobi</c> (MDN's advice for mobile detection).
/// </remarks>
public sealed class DeviceClassExtractor : IFieldExtractor
{
    /// <summary>The field this extractor sets.</summary>
    public const string FieldName = "deviceClass";

    /// <inheritdoc />
    public void Extract(PixelRequest request, RecordBuilder record)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(record);
        if (!request.Headers.TryGetValue("User-Agent", out var userAgent) || userAgent.Length == 0)
        {
            record.Set(FieldName, "unknown");
            return;
        }

        record.Set(FieldName, Classify(userAgent));
    }

    /// <inheritdoc />
    public IEnumerable<FieldDescriptor> DescribeFields() =>
        [new(FieldName, FieldType.Text, "Device class from the user agent: mobile, tablet, desktop or unknown.")];

    private static string Classify(string userAgent)
    {
        if (Contains(userAgent, "iPad") || Contains(userAgent, "Tablet")
            || (Contains(userAgent, "Android") && !Contains(userAgent, "Mobile")))
        {
            return "tablet";
        }

        if (Contains(userAgent, "Mobi") || Contains(userAgent, "iPhone"))
        {
            return "mobile";
        }

        return Contains(userAgent, "Windows") || Contains(userAgent, "Macintosh") || Contains(userAgent, "X11")
            ? "desktop"
            : "unknown";
    }

    private static bool Contains(string text, string token) => text.Contains(token, StringComparison.OrdinalIgnoreCase);
}
