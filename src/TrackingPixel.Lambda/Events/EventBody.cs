using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace TrackingPixel.Lambda.Events;

/// <summary>Where an event's <c>body</c> sits in the payload, and whether the front door base64-encoded it.</summary>
internal sealed record EventBody(JsonScalar Value, bool IsBase64)
{
    /// <summary>Decodes the body into a pooled buffer, unless it is longer than <paramref name="limit"/>
    /// bytes.</summary>
    /// <param name="payload">The event's bytes.</param>
    /// <param name="limit">The most bytes the body may have.</param>
    /// <param name="buffer">The pooled buffer to return to <see cref="ArrayPool{T}.Shared"/>; empty when none was
    /// rented.</param>
    /// <param name="length">The decoded length.</param>
    /// <returns><see langword="false"/> when the body is over the limit; nothing is decoded then.</returns>
    public bool TryDecode(ReadOnlySpan<byte> payload, int limit, out byte[] buffer, out int length)
    {
        buffer = [];
        length = 0;
        if (Value.Kind == ScalarKind.Absent || Value.Length == 0)
        {
            return true;
        }

        if (IsBase64)
        {
            // Checked before decoding: an encoded body over the limit is refused without being decoded.
            var raw = Value.In(payload);
            if (Base64.GetMaxDecodedFromUtf8Length(raw.Length) > limit + 2)
            {
                return false;
            }

            buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, Base64.GetMaxDecodedFromUtf8Length(raw.Length)));
            if (Base64.DecodeFromUtf8(raw, buffer, out _, out length) != OperationStatus.Done)
            {
                // Not base64 after all: the body is its text, which the parser reports if unreadable.
                length = 0;
            }

            return length <= limit;
        }

        var text = Value.ToText(payload) ?? string.Empty;
        if (Encoding.UTF8.GetMaxByteCount(text.Length) > limit && Encoding.UTF8.GetByteCount(text) > limit)
        {
            return false;
        }

        buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetByteCount(text)));
        length = Encoding.UTF8.GetBytes(text, buffer);
        return true;
    }
}
