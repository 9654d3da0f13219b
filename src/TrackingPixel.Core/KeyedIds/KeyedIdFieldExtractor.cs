using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TrackingPixel;

/// <summary>Sets a keyed id: HMAC-SHA256 over the chosen request values, truncated and encoded.</summary>
/// <remarks>
/// Each value is written as a 4-byte big-endian UTF-8 length and its bytes (an absent value as length 0xFFFFFFFF), so
/// ("ab", "c") and ("a", "bc") hash differently and an absent header differs from an empty one. When every value is
/// absent the field gets the missing value rather than one id shared by all such requests. Each thread keeps its own
/// keyed <see cref="IncrementalHash"/> for the current day: a one-shot HMAC sets up the key on every call and costs
/// about three times as much.
/// </remarks>
internal sealed class KeyedIdFieldExtractor : IFieldExtractor, IDisposable
{
    private const int StackLimit = 1024;

    private readonly string _fieldName;
    private readonly KeyedIdInput[] _inputs;
    private readonly KeyedIdOptions _options;
    private readonly ClientIpResolver _resolver;
    private readonly byte[] _secret;
    private readonly TimeProvider _time;
    private readonly ThreadLocal<DayHasher?> _hashers = new(trackAllValues: true);

    public KeyedIdFieldExtractor(string fieldName, KeyedIdOptions options, ClientIpResolver resolver, TimeProvider time)
    {
        _fieldName = fieldName;
        _options = options;
        _resolver = resolver;
        _inputs = [.. options.Inputs.Select(i => KeyedIdInput.TryParse(i)!)];
        _secret = KeyedIdSecret.Read(options);
        _time = time;
    }

    public void Extract(PixelRequest request, RecordBuilder record)
    {
        // Two passes over the inputs (size, then bytes) instead of an array of values per request: reads are cheap.
        var size = 0;
        var present = false;
        foreach (var input in _inputs)
        {
            var value = input.Read(request, record, _resolver);
            present |= value is not null;
            size += 4 + (value is null ? 0 : Encoding.UTF8.GetByteCount(value));
        }

        if (!present)
        {
            record.Set(_fieldName, (string?)null);
            return;
        }

        byte[]? rented = null;
        Span<byte> message =
            size <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(size));
        var written = 0;
        foreach (var input in _inputs)
        {
            var value = input.Read(request, record, _resolver);
            var length = value is null ? uint.MaxValue : (uint)Encoding.UTF8.GetBytes(value, message[(written + 4)..]);
            BinaryPrimitives.WriteUInt32BigEndian(message[written..], length);
            written += 4 + (value is null ? 0 : (int)length);
        }

        Span<byte> hash = stackalloc byte[32];
        var hmac = Hasher();
        hmac.AppendData(message[..written]);
        hmac.GetHashAndReset(hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        record.Set(_fieldName, KeyedIdFormat.Encode(hash, _options.Encoding, _options.Length));
    }

    public void Dispose()
    {
        foreach (var hasher in _hashers.Values)
        {
            hasher?.Hmac.Dispose();
        }

        _hashers.Dispose();
    }

    private IncrementalHash Hasher()
    {
        var day = _options.RotateDaily ? DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime) : DateOnly.MinValue;
        var current = _hashers.Value;
        if (current is not null && current.Day == day)
        {
            return current.Hmac;
        }

        current?.Hmac.Dispose();
        var key = _options.RotateDaily ? DailyKey.Derive(_secret, day) : _secret;
        current = new DayHasher(day, IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key));
        _hashers.Value = current;
        return current.Hmac;
    }

    private sealed record DayHasher(DateOnly Day, IncrementalHash Hmac);

    public IEnumerable<FieldDescriptor> DescribeFields() =>
        [new(_fieldName, FieldType.Text, "Keyed HMAC-SHA256 identifier of the configured request values.")];
}
