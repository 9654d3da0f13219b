using System.Security.Cryptography;
using System.Text;

namespace TrackingPixel.Aws;

/// <summary>
/// Signs requests with AWS Signature Version 4 in the <c>Authorization</c> header, the way botocore does.
/// </summary>
/// <remarks>
/// Thread-safe. The canonical request and string to sign are built in pooled and stack buffers; per call the only
/// allocation is the returned header value. The derived signing key changes once a day, so it is cached.
/// </remarks>
internal sealed class SigV4Signer(string region, string service)
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private SigningKey? _key;

    public string Region { get; } = region;

    public string Service { get; } = service;

    /// <summary>Formats the <c>X-Amz-Date</c> header value: <c>yyyyMMdd'T'HHmmss'Z'</c> in UTC.</summary>
    public static string FormatAmzDate(DateTimeOffset timestamp)
    {
        Span<byte> text = stackalloc byte[16];
        WriteAmzDate(timestamp, text);
        return Encoding.ASCII.GetString(text);
    }

    /// <summary>
    /// Computes the <c>Authorization</c> header value for a request whose headers already hold host, date and token.
    /// </summary>
    public string Sign(
        in SignableRequest request, string accessKeyId, string secretAccessKey, DateTimeOffset timestamp) =>
        Sign(request, accessKeyId, secretAccessKey, timestamp, null);

    /// <summary>Signs and also returns the canonical request and string to sign, for tests and diagnostics.</summary>
    public string Sign(
        in SignableRequest request,
        string accessKeyId,
        string secretAccessKey,
        DateTimeOffset timestamp,
        out string canonicalRequest,
        out string stringToSign)
    {
        var steps = new string[2];
        var authorization = Sign(request, accessKeyId, secretAccessKey, timestamp, steps);
        canonicalRequest = steps[0];
        stringToSign = steps[1];
        return authorization;
    }

    private string Sign(
        in SignableRequest request,
        string accessKeyId,
        string secretAccessKey,
        DateTimeOffset timestamp,
        string[]? steps)
    {
        ArgumentNullException.ThrowIfNull(accessKeyId);
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        Span<byte> amzDate = stackalloc byte[16];
        WriteAmzDate(timestamp, amzDate);
        Span<byte> scopeBuffer = stackalloc byte[
            8 + 1 + Encoding.UTF8.GetMaxByteCount(Region.Length + Service.Length) + 1 + 13];
        var scope = WriteScope(amzDate[..8], scopeBuffer);

        var buffer = new ByteBuffer(1024);
        var signedHeaders = new ByteBuffer(128);
        try
        {
            CanonicalRequest.Write(request, ref buffer, ref signedHeaders);
            Span<byte> hex = stackalloc byte[64];
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.Written, hash);
            Hex.WriteLower(hash, hex);
            if (steps is not null)
            {
                steps[0] = Encoding.UTF8.GetString(buffer.Written);
            }

            var stsStart = buffer.Length;
            buffer.Append("AWS4-HMAC-SHA256\n"u8);
            buffer.Append(amzDate);
            buffer.Append((byte)'\n');
            buffer.Append(scope);
            buffer.Append((byte)'\n');
            buffer.Append(hex);
            var stringToSign = buffer.Slice(stsStart);
            if (steps is not null)
            {
                steps[1] = Encoding.UTF8.GetString(stringToSign);
            }

            HMACSHA256.HashData(KeyFor(secretAccessKey, amzDate[..8]), stringToSign, hash);
            Hex.WriteLower(hash, hex);
            return AuthorizationHeader(accessKeyId, scope, signedHeaders.Written, hex);
        }
        finally
        {
            signedHeaders.Dispose();
            buffer.Dispose();
        }
    }

    // Composed in a stack buffer so the header value is the only allocation of a signature.
    private static string AuthorizationHeader(
        string accessKeyId, ReadOnlySpan<byte> scope, ReadOnlySpan<byte> signedHeaders, ReadOnlySpan<byte> signature)
    {
        var length = Algorithm.Length + 12 + accessKeyId.Length + 1 + scope.Length + 16 + signedHeaders.Length + 12
            + signature.Length;
        var text = length <= 1024 ? stackalloc char[length] : new char[length];
        var at = 0;
        Append(text, ref at, Algorithm);
        Append(text, ref at, " Credential=");
        Append(text, ref at, accessKeyId);
        Append(text, ref at, "/");
        at += Encoding.UTF8.GetChars(scope, text[at..]);
        Append(text, ref at, ", SignedHeaders=");
        at += Encoding.UTF8.GetChars(signedHeaders, text[at..]);
        Append(text, ref at, ", Signature=");
        at += Encoding.UTF8.GetChars(signature, text[at..]);
        return new string(text[..at]);

        static void Append(Span<char> destination, ref int at, string value)
        {
            value.AsSpan().CopyTo(destination[at..]);
            at += value.Length;
        }
    }

    private ReadOnlySpan<byte> WriteScope(ReadOnlySpan<byte> date, Span<byte> destination)
    {
        date.CopyTo(destination);
        var length = date.Length;
        destination[length++] = (byte)'/';
        length += Encoding.UTF8.GetBytes(Region, destination[length..]);
        destination[length++] = (byte)'/';
        length += Encoding.UTF8.GetBytes(Service, destination[length..]);
        "/aws4_request"u8.CopyTo(destination[length..]);
        return destination[..(length + 13)];
    }

    private byte[] KeyFor(string secret, ReadOnlySpan<byte> date)
    {
        var cached = Volatile.Read(ref _key);
        if (cached is not null && cached.Matches(secret, date))
        {
            return cached.Key;
        }

        // Derived once a day per secret, so the few allocations here do not recur per request.
        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        var seed = Encoding.UTF8.GetBytes("AWS4" + secret);
        HMACSHA256.HashData(seed, date, a);
        CryptographicOperations.ZeroMemory(seed);
        HMACSHA256.HashData(a, Encoding.UTF8.GetBytes(Region), b);
        HMACSHA256.HashData(b, Encoding.UTF8.GetBytes(Service), a);
        HMACSHA256.HashData(a, "aws4_request"u8, b);
        var fresh = new SigningKey(secret, date.ToArray(), b.ToArray());
        Volatile.Write(ref _key, fresh);
        return fresh.Key;
    }

    private static void WriteAmzDate(DateTimeOffset timestamp, Span<byte> destination)
    {
        var utc = timestamp.UtcDateTime;
        Two(utc.Year / 100, destination);
        Two(utc.Year % 100, destination[2..]);
        Two(utc.Month, destination[4..]);
        Two(utc.Day, destination[6..]);
        destination[8] = (byte)'T';
        Two(utc.Hour, destination[9..]);
        Two(utc.Minute, destination[11..]);
        Two(utc.Second, destination[13..]);
        destination[15] = (byte)'Z';

        static void Two(int value, Span<byte> to)
        {
            to[0] = (byte)('0' + (value / 10));
            to[1] = (byte)('0' + (value % 10));
        }
    }

    private sealed class SigningKey(string secret, byte[] date, byte[] key)
    {
        public byte[] Key { get; } = key;

        public bool Matches(string otherSecret, ReadOnlySpan<byte> otherDate) =>
            date.AsSpan().SequenceEqual(otherDate) && string.Equals(secret, otherSecret, StringComparison.Ordinal);
    }
}
