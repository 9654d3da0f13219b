using System.Security.Cryptography;

namespace TrackingPixel.Aws;

/// <summary>Writes the SigV4 canonical request exactly as botocore builds it.</summary>
internal static class CanonicalRequest
{
    /// <summary>
    /// Appends the canonical request to <paramref name="buffer"/>, and the signed-header list to
    /// <paramref name="signedHeaders"/>.
    /// </summary>
    public static void Write(in SignableRequest request, ref ByteBuffer buffer, ref ByteBuffer signedHeaders)
    {
        buffer.Append(request.Method.ToUpperInvariant());
        buffer.Append((byte)'\n');
        WritePath(request.Path, ref buffer);
        buffer.Append((byte)'\n');
        WriteQuery(request.Query, ref buffer);
        buffer.Append((byte)'\n');

        CanonicalHeaders.Write(request.Headers, ref buffer, ref signedHeaders);
        buffer.Append("\n\n"u8);
        buffer.Append(signedHeaders.Written);
        buffer.Append((byte)'\n');
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(request.Body.Span, hash);
        Span<byte> hex = stackalloc byte[64];
        Hex.WriteLower(hash, hex);
        buffer.Append(hex);
    }

    // botocore removes dot segments and empty segments, then percent-encodes everything but unreserved characters and
    // '/'.
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

        var normalized = (path[0] == '/' ? "/" : "") + string.Join('/', output) + (
            path[^1] == '/' && output.Count > 0 ? "/" : "");
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
            .Select(
                p => p.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0
                    ? (Key: p[..eq], Value: p[(eq + 1)..])
                    : (Key: p, Value: ""))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        buffer.Append(string.Join('&', pairs.Select(p => p.Key + "=" + p.Value)));
    }

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z')
            or (>= (byte)'a' and <= (byte)'z')
            or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
