namespace TrackingPixel;

/// <summary>
/// The members of a beacon's body (a POST from <c>navigator.sendBeacon</c> or <c>fetch</c>), read as parameters.
/// </summary>
/// <remarks>
/// <c>application/x-www-form-urlencoded</c> bodies are read like a query string; <c>application/json</c> bodies, and
/// <c>text/plain</c> (or untyped) bodies that hold a JSON object (what <c>sendBeacon</c> sends for a string), give the
/// object's top-level members, strings as they are and numbers and booleans as their JSON text; other text bodies
/// are read as <c>name=value&amp;…</c> pairs. Parsing never throws: invalid UTF-8, JSON nested deeper than
/// <see cref="MaxDepth"/>, malformed JSON or an unsupported media type keep the members read before the problem and
/// set <see cref="Problem"/>, which the pipeline counts and logs.
/// </remarks>
public sealed class RequestBody
{
    /// <summary>The deepest JSON nesting read; a deeper body is a problem, its members read so far kept.</summary>
    public const int MaxDepth = 16;

    private RequestBody(QueryParameters parameters, string? problem)
    {
        Parameters = parameters;
        Problem = problem;
    }

    /// <summary>Gets the body of a request that has none, such as a <c>GET</c>.</summary>
    public static RequestBody Empty { get; } = new(QueryParameters.Empty, null);

    /// <summary>Gets the body's members as decoded names and values, in body order.</summary>
    public QueryParameters Parameters { get; }

    /// <summary>Gets what was wrong with the body, for the logs; <see langword="null"/> when it was read
    /// whole.</summary>
    public string? Problem { get; }

    /// <summary>Reads a body's members according to its media type.</summary>
    /// <param name="content">The body's bytes, already bounded by the front end.</param>
    /// <param name="contentType">The <c>Content-Type</c> header, parameters such as <c>charset</c> allowed.</param>
    /// <returns>The members; never throws.</returns>
    public static RequestBody Parse(ReadOnlySpan<byte> content, string? contentType)
    {
        if (content.IsEmpty)
        {
            return Empty;
        }

        var media = MediaType(contentType);
        if (media.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Form(content);
        }

        var json = media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.Length > 5 && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        // No Content-Type at all is read as text: some proxies (a CloudFront header allow-list) drop the header.
        if (json || media.IsEmpty || media.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return json || RequestBodyJson.LooksLikeObject(content) ? Json(content) : Form(content);
        }

        return new RequestBody(
            QueryParameters.Empty, $"Content-Type {Truncate(media)} is not read (form, JSON or text bodies are)");
    }

    private static RequestBody Form(ReadOnlySpan<byte> content)
    {
        var problem = System.Text.Unicode.Utf8.IsValid(content) ? null : "invalid UTF-8, replaced by U+FFFD";
        return new RequestBody(QueryParameters.Parse(System.Text.Encoding.UTF8.GetString(content)), problem);
    }

    private static RequestBody Json(ReadOnlySpan<byte> content)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var problem = RequestBodyJson.ReadMembers(content, pairs);
        return new RequestBody(pairs.Count == 0 ? QueryParameters.Empty : QueryParameters.FromPairs(pairs), problem);
    }

    private static ReadOnlySpan<char> MediaType(string? contentType)
    {
        var text = contentType.AsSpan();
        var semicolon = text.IndexOf(';');
        return (semicolon < 0 ? text : text[..semicolon]).Trim();
    }

    // A hostile header must not make the log line long.
    private static string Truncate(ReadOnlySpan<char> text) => text.Length <= 64 ? text.ToString() : $"{text[..64]}…";
}
