using System.Buffers;

namespace TrackingPixel.Aws;

/// <summary>
/// The canonical headers and signed-header list: names lower-cased and sorted, values trimmed, repeats joined with
/// commas.
/// </summary>
internal static class CanonicalHeaders
{
    private const int StackHeaders = 32;

    public static void Write(
        IReadOnlyList<KeyValuePair<string, string>> headers, ref ByteBuffer buffer, ref ByteBuffer signedHeaders)
    {
        int[]? rented = null;
        var order = headers.Count <= StackHeaders
            ? stackalloc int[headers.Count]
            : (rented = ArrayPool<int>.Shared.Rent(headers.Count)).AsSpan(0, headers.Count);
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
    }

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

    // "Trimall": drop leading and trailing whitespace and collapse inner runs to one space, as Python's split/join
    // does.
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
