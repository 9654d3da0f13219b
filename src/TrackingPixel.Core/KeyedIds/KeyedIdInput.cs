
namespace TrackingPixel;

/// <summary>One request value a keyed id is computed from, parsed from its <c>ip</c>, <c>header:NAME</c> or
/// <c>query:NAME</c> form.</summary>
internal sealed class KeyedIdInput
{
    private readonly Kind _kind;
    private readonly string _name;

    private KeyedIdInput(Kind kind, string name)
    {
        _kind = kind;
        _name = name;
    }

    private enum Kind
    {
        ClientIp,
        Header,
        Query,
    }

    public static KeyedIdInput? TryParse(string? text) => text switch
    {
        "ip" => new KeyedIdInput(Kind.ClientIp, "ip"),
        ['h', 'e', 'a', 'd', 'e', 'r', ':', _, ..] => new KeyedIdInput(Kind.Header, text["header:".Length..]),
        ['q', 'u', 'e', 'r', 'y', ':', _, ..] => new KeyedIdInput(Kind.Query, text["query:".Length..]),
        _ => null,
    };

    /// <summary>Reads the value from the request as sent (the address as resolved, not masked); <see langword="null"/>
    /// when absent.</summary>
    public string? Read(PixelRequest request, RecordBuilder record, ClientIpResolver resolver) => _kind switch
    {
        Kind.ClientIp => record.ClientAddress(resolver, request).Text,
        Kind.Header => request.Headers.TryGetValue(_name, out var header) ? header : null,
        _ => request.TryGetParameter(_name, out var query) ? query : null,
    };
}
