using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TrackingPixel;

/// <summary>Creates RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds, then a counter, then random bits.</summary>
/// <remarks>
/// <c>Guid.CreateVersion7</c> exists only from .NET 9, and its ids are not monotonic within a millisecond. This follows
/// RFC 9562 section 6.2 method 1: the 12-bit <c>rand_a</c> field is a counter, so ids from one process sort in the
/// order they were made even when the clock stands still or steps back; a counter overflow borrows the next
/// millisecond. Thread-safe and lock-free; the only allocation is the returned string.
/// </remarks>
internal sealed class UuidV7Generator(TimeProvider time)
{
    private const int CounterBits = 12;
    private const int RandomBufferSize = 256;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_randomUsed;

    // Unix milliseconds shifted left by CounterBits, plus the counter: one value so a single CAS keeps both monotonic.
    private long _last;

    public string Create()
    {
        var (high, low) = Next();
        return string.Create(36, (high, low), static (chars, value) =>
        {
            Span<byte> bytes = stackalloc byte[16];
            BinaryPrimitives.WriteUInt64BigEndian(bytes, value.high);
            BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], value.low);
            var position = 0;
            for (var i = 0; i < 16; i++)
            {
                if (i is 4 or 6 or 8 or 10)
                {
                    chars[position++] = '-';
                }

                chars[position++] = HexDigit(bytes[i] >> 4);
                chars[position++] = HexDigit(bytes[i] & 0xF);
            }
        });
    }

    /// <summary>Returns the UUID as its two big-endian 64-bit halves.</summary>
    internal (ulong High, ulong Low) Next()
    {
        var timeAndCounter = (ulong)NextTimeAndCounter();
        var milliseconds = timeAndCounter >> CounterBits;
        var counter = timeAndCounter & ((1UL << CounterBits) - 1);

        var low = NextRandom();

        var high = (milliseconds << 16) | (0x7UL << 12) | counter;
        low = (low & 0x3FFF_FFFF_FFFF_FFFFUL) | 0x8000_0000_0000_0000UL;
        return (high, low);
    }

    /// <summary>Returns 64 bits from the CSPRNG, drawn from a per-thread buffer refilled every 32 calls.</summary>
    /// <remarks>
    /// One <see cref="RandomNumberGenerator.Fill(Span{byte})"/> call costs about as much as the rest of an id; batching
    /// amortises it.
    /// </remarks>
    private static ulong NextRandom()
    {
        var buffer = t_random ??= new byte[RandomBufferSize];
        if (t_randomUsed is 0 or RandomBufferSize)
        {
            RandomNumberGenerator.Fill(buffer);
            t_randomUsed = 0;
        }

        var value = BinaryPrimitives.ReadUInt64BigEndian(buffer.AsSpan(t_randomUsed));
        t_randomUsed += 8;
        return value;
    }

    private long NextTimeAndCounter()
    {
        // 48 bits of milliseconds last until the year 10889; a clock before 1970 is treated as 1970.
        var now = Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds()) << CounterBits;
        while (true)
        {
            var last = Volatile.Read(ref _last);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}
