using System.Buffers;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace TrackingPixel.Lambda;

/// <summary>
/// The pixel's path as a route pattern, such as <c>/o/{campaign}/{recipient}.gif</c>: literal segments and at most one
/// <c>{parameter}</c> per segment, with literal text before or after it.
/// </summary>
/// <remarks>
/// Behind a Function URL or a load balancer every path reaches the function, so the host matches the path itself;
/// behind an HTTP API the route has matched already and this only reads the values. Literals compare ignoring case and
/// one trailing slash is ignored, as ASP.NET Core's routing does; values are percent-decoded.
/// </remarks>
internal sealed class PixelRoute
{
    private readonly Segment[] _segments;

    private PixelRoute(string pattern, Segment[] segments)
    {
        Pattern = pattern;
        _segments = segments;
    }

    public string Pattern { get; }

    /// <summary>The names of the route's parameters, in order.</summary>
    public IEnumerable<string> ParameterNames =>
        _segments.Where(s => s.Parameter is not null).Select(s => s.Parameter!);

    /// <summary>Parses <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is not a path of literal and parameter segments.</exception>
    public static PixelRoute Parse(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (pattern[0] != '/')
        {
            throw Invalid(pattern, "it must start with '/'");
        }

        var texts = pattern.Length == 1 ? [] : pattern[1..].Split('/');
        var segments = new Segment[texts.Length];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Length; i++)
        {
            segments[i] = Segment.Parse(pattern, texts[i]);
            if (segments[i].Parameter is { } name && !names.Add(name))
            {
                throw Invalid(pattern, $"the parameter '{name}' appears twice");
            }
        }

        return new PixelRoute(pattern, segments);
    }

    /// <summary>Matches <paramref name="path"/>, giving the parameters' decoded values.</summary>
    public bool TryMatch(string path, [NotNullWhen(true)] out IReadOnlyDictionary<string, string>? values)
    {
        values = null;
        var rest = path.AsSpan();
        if (rest.Length > 1 && rest[^1] == '/')
        {
            rest = rest[..^1];
        }

        if (rest.IsEmpty || rest[0] != '/')
        {
            return false;
        }

        rest = rest[1..];
        Dictionary<string, string>? found = null;
        for (var i = 0; i < _segments.Length; i++)
        {
            var slash = rest.IndexOf('/');
            var segment = slash < 0 ? rest : rest[..slash];
            var last = i == _segments.Length - 1;
            if (last != (slash < 0) || !_segments[i].TryMatch(segment, out var value))
            {
                return false;
            }

            if (value is not null)
            {
                (found ??= new Dictionary<string, string>(StringComparer.Ordinal))[_segments[i].Parameter!] = value;
            }

            rest = last ? [] : rest[(slash + 1)..];
        }

        if (_segments.Length == 0 && !rest.IsEmpty)
        {
            return false;
        }

        values = found ?? (IReadOnlyDictionary<string, string>)ReadOnlyDictionary<string, string>.Empty;
        return true;
    }

    private static ArgumentException Invalid(string pattern, string reason) =>
        new(
            $"The pixel path '{pattern}' is not a route pattern: {reason}. Example: /o/{{campaign}}/{{recipient}}.gif",
            nameof(pattern));

    /// <summary>One segment: a literal (<see cref="Parameter"/> null), or a parameter between literal text.</summary>
    private readonly record struct Segment(string Prefix, string? Parameter, string Suffix)
    {
        private static readonly SearchValues<char> NameCharacters =
            SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

        public static Segment Parse(string pattern, string text)
        {
            var open = text.IndexOf('{');
            var close = text.IndexOf('}');
            if (text.Length == 0)
            {
                throw Invalid(pattern, "it has an empty segment");
            }

            if (open < 0 && close < 0)
            {
                return new Segment(text, null, string.Empty);
            }

            var name = open >= 0 && close > open ? text[(open + 1)..close] : string.Empty;
            if (text.IndexOf('{', open + 1) >= 0 || text.IndexOf('}', close + 1) >= 0 || !IsName(name))
            {
                throw Invalid(pattern, $"the segment '{text}' needs exactly one {{name}} of letters, digits and '_'");
            }

            return new Segment(text[..open], name, text[(close + 1)..]);
        }

        public bool TryMatch(ReadOnlySpan<char> segment, out string? value)
        {
            value = null;
            if (Parameter is null)
            {
                return segment.Equals(Prefix, StringComparison.OrdinalIgnoreCase);
            }

            if (segment.Length <= Prefix.Length + Suffix.Length
                || !segment.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                || !segment.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            value = Uri.UnescapeDataString(segment[Prefix.Length..^Suffix.Length].ToString());
            return true;
        }

        private static bool IsName(string name) =>
            name.Length > 0 && !char.IsAsciiDigit(name[0]) && !name.AsSpan().ContainsAnyExcept(NameCharacters);
    }
}
