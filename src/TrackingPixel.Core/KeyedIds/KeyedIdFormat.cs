using System.Buffers.Text;

namespace TrackingPixel;

/// <summary>Writes the leading bits of a hash as hex or base64url text of a given length.</summary>
internal static class KeyedIdFormat
{
    public static string Encode(ReadOnlySpan<byte> hash, KeyedIdEncoding encoding, int length)
    {
        Span<byte> text = stackalloc byte[64];
        int written;
        if (encoding == KeyedIdEncoding.Hex)
        {
            for (var i = 0; i < hash.Length; i++)
            {
                text[2 * i] = HexDigit(hash[i] >> 4);
                text[(2 * i) + 1] = HexDigit(hash[i] & 0xF);
            }

            written = hash.Length * 2;
        }
        else
        {
            Base64.EncodeToUtf8(hash, text, out _, out written);
            for (var i = 0; i < written; i++)
            {
                text[i] = text[i] switch { (byte)'+' => (byte)'-', (byte)'/' => (byte)'_', var b => b };
            }

            written = text[..written].TrimEnd((byte)'=').Length;
        }

        return System.Text.Encoding.ASCII.GetString(text[..Math.Min(length, written)]);
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);
}
