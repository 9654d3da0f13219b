using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TrackingPixel;

/// <summary>Splits and decodes <c>application/x-www-form-urlencoded</c> query strings without throwing.</summary>
internal static class QueryStringCodec
{
    private const int StackLimit = 256;

    internal readonly record struct Range(int Start, int Length);

    /// <summary>Finds the next non-empty <c>key[=value]</c> segment at or after <paramref name="position"/>.</summary>
    public static bool NextSegment(string query, ref int position, out Range key, out Range value)
    {
        while (position < query.Length)
        {
            var start = position;
            var end = query.IndexOf('&', start);
            if (end < 0)
            {
                end = query.Length;
            }

            position = end + 1;
            if (end == start)
            {
                continue;
            }

            var equals = query.IndexOf('=', start, end - start);
            if (equals < 0)
            {
                key = new(start, end - start);
                value = new(end, 0);
            }
            else
            {
                key = new(start, equals - start);
                value = new(equals + 1, end - equals - 1);
            }

            return true;
        }

        key = default;
        value = default;
        return false;
    }

    public static bool KeyEquals(ReadOnlySpan<char> encodedKey, string name)
    {
        if (encodedKey.IndexOfAny('%', '+') < 0)
        {
            return encodedKey.SequenceEqual(name);
        }

        return Decode(encodedKey, out _) == name;
    }

    /// <summary>Percent-decodes <paramref name="encoded"/> as UTF-8, turning <c>+</c> into a space.</summary>
    /// <param name="encoded">The still-encoded text.</param>
    /// <param name="malformed">Set when an escape was not two hex digits or the bytes were not valid UTF-8.</param>
    public static string Decode(ReadOnlySpan<char> encoded, out bool malformed)
    {
        malformed = false;
        if (encoded.IndexOfAny('%', '+') < 0 && !encoded.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return encoded.ToString();
        }

        // Each char becomes at most three UTF-8 bytes; escapes only shrink.
        var maxBytes = encoded.Length * 3;
        byte[]? rented = null;
        var bytes = maxBytes <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var count = 0;
            for (var i = 0; i < encoded.Length; i++)
            {
                var c = encoded[i];
                if (c == '+')
                {
                    bytes[count++] = (byte)' ';
                }
                else if (c == '%' && i + 2 < encoded.Length && IsHex(encoded[i + 1]) && IsHex(encoded[i + 2]))
                {
                    bytes[count++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                    i += 2;
                }
                else if (c < 0x80)
                {
                    malformed |= c == '%';
                    bytes[count++] = (byte)c;
                }
                else
                {
                    // Non-ASCII text in a raw query (some platforms hand it over unescaped): keep it, sanitising
                    // lone surrogates the same way the record writer would.
                    var run = 1;
                    while (i + run < encoded.Length && encoded[i + run] >= 0x80)
                    {
                        run++;
                    }

                    var text = encoded.Slice(i, run);
                    if (Utf8.FromUtf16(
                        text,
                        bytes[count..],
                        out _,
                        out var written,
                        replaceInvalidSequences: false) != OperationStatus.Done)
                    {
                        malformed = true;
                        Utf8.FromUtf16(text, bytes[count..], out _, out written, replaceInvalidSequences: true);
                    }

                    count += written;
                    i += run - 1;
                }
            }

            var decoded = bytes[..count];
            malformed |= !Utf8.IsValid(decoded);
            return Encoding.UTF8.GetString(decoded);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
