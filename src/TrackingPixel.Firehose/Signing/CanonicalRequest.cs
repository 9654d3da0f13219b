using System.Buffers;
using System.Security.Cryptography;

namespace TrackingPixel.Firehose.Signing;

/// <summary>Writes the SigV4 canonical request exactly as botocore builds it.</summary>
internal static class CanonicalRequest
{
    private const int StackHeaders = 32;

    /// <summary>Appends the canonical request to <paramref name="buffer"/>, and the signed-header list to <paramref name="signedHeaders"/>.</summary>
    public static void Write(in SignableRequest request, ref ByteBuffer buffer, ref ByteBuffer signedHeaders)
    {
        buffer.Append(request.Method.ToUpperInvariant());
        buffer.Append((byte)'\n');
        WritePath(request.Path, ref buffer);
        buffer.Append((byte)'\n');
        WriteQuery(request.Query, ref buffer);
        buffer.Append((byte)'\n');

        var headers = request.Headers;
        int[]? rented = null;
        var order = headers.Count <= StackHeaders ? stackalloc int[headers.Count] : (rented = ArrayPool<int>.Shared.Rent(headers.Count)).AsSpan(0, headers.Count);
        try
        {
            SortByLowerName(headers, order);
            for (var i = 0; i < order.Length; i++)
            {
                var name = headers[order[i]].Key;
                var first = i == 0 || !SameLowerName(headers[order[i - 1]].Key, name);
                if (first)
                {
                    if (i > 0)
                    {
                        buffer.Append((byte)'\n');
                        signedHeaders.Append((byte)';');
                    }

                    AppendLower(name.AsSpan().Trim(), ref buffer);
                    AppendLower(name.AsSpan().Trim(), ref signedHeaders);
                    buffer.Append((byte)':');
                }
                else
                {
                    buffer.Append((byte)',');
                }

                AppendTrimAll(headers[order[i]].Value, ref buffer);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }

        buffer.Append("\n\n"u8);
        buffer.Append(signedHeaders.Written);
        buffer.Append((byte)'\n');
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(request.Body.Span, hash);
        Span<byte> hex = stackalloc byte[64];
        Hex.WriteLower(hash, hex);
        buffer.Append(hex);
    }

    // botocore removes dot segments and empty segments, then percent-encodes everything but unreserved characters and '/'.
    private static void WritePath(string path, ref ByteBuffer buffer)
    {
        if (path is "/" or "")
        {
            buffer.Append((byte)'/');
            return;
        }

        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                continue;
            }

            output.Add(segment);
        }

        var normalized = (path[0] == '/' ? "/" : "") + string.Join('/', output) + (path[^1] == '/' && output.Count > 0 ? "/" : "");
        Span<byte> one = stackalloc byte[4];
        foreach (var rune in normalized.EnumerateRunes())
        {
            var count = rune.EncodeToUtf8(one);
            foreach (var b in one[..count])
            {
                if (IsUnreserved(b) || b == '/')
                {
                    buffer.Append(b);
                }
                else
                {
                    buffer.Append((byte)'%');
                    buffer.Append((byte)"0123456789ABCDEF"[b >> 4]);
                    buffer.Append((byte)"0123456789ABCDEF"[b & 0xF]);
                }
            }
        }
    }

    // The query arrives encoded; like botocore, sort the pairs by name then value without re-encoding.
    private static void WriteQuery(string query, ref ByteBuffer buffer)
    {
        if (query.Length == 0)
        {
            return;
        }

        var pairs = query.Split('&')
            .Select(p => p.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0 ? (Key: p[..eq], Value: p[(eq + 1)..]) : (Key: p, Value: ""))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        buffer.Append(string.Join('&', pairs.Select(p => p.Key + "=" + p.Value)));
    }

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    // Stable insertion sort: a request has a handful of headers, and repeated names must keep their order.
    private static void SortByLowerName(IReadOnlyList<KeyValuePair<string, string>> headers, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            var j = i;
            while (j > 0 && CompareLower(headers[order[j - 1]].Key, headers[i].Key) > 0)
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }
    }

    private static int CompareLower(string a, string b)
    {
        ReadOnlySpan<char> x = a.AsSpan().Trim(), y = b.AsSpan().Trim();
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var c = char.ToLowerInvariant(x[i]).CompareTo(char.ToLowerInvariant(y[i]));
            if (c != 0)
            {
                return c;
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    private static bool SameLowerName(string a, string b) => CompareLower(a, b) == 0;

    private static void AppendLower(ReadOnlySpan<char> name, ref ByteBuffer buffer)
    {
        Span<char> lower = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        name.ToLowerInvariant(lower);
        buffer.Append(lower);
    }

    // "Trimall": drop leading and trailing whitespace and collapse inner runs to one space, as Python's split/join does.
    private static void AppendTrimAll(string value, ref ByteBuffer buffer)
    {
        var span = value.AsSpan();
        var wroteToken = false;
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && IsWhiteSpace(span[i]))
            {
                i++;
            }

            var start = i;
            while (i < span.Length && !IsWhiteSpace(span[i]))
            {
                i++;
            }

            if (i > start)
            {
                if (wroteToken)
                {
                    buffer.Append((byte)' ');
                }

                buffer.Append(span[start..i]);
                wroteToken = true;
            }
        }
    }

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f';
}
