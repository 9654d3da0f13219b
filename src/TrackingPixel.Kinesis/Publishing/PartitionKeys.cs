using System.Globalization;
using System.Text.Json;
using TrackingPixel.Kinesis.Client;

namespace TrackingPixel.Kinesis.Publishing;

/// <summary>Chooses partition keys: random, so the shards fill evenly, or a record field's value, for per-key
/// order.</summary>
internal sealed class PartitionKeys(string? field)
{
    private readonly byte[]? _field = field is null ? null : System.Text.Encoding.UTF8.GetBytes(field);

    /// <summary>A fresh random key: 32 hex digits, which Kinesis's MD5 spreads over the whole hash-key range.</summary>
    public static string Random() =>
        System.Random.Shared.NextInt64().ToString("x16", CultureInfo.InvariantCulture)
        + System.Random.Shared.NextInt64().ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Gets the field's value in <paramref name="record"/> as a key, or <see langword="null"/> when keys
    /// are random or the record has no usable value.</summary>
    public string? KeyOf(ReadOnlySpan<byte> record)
    {
        if (_field is null)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(record);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(_field);
                reader.Read();
                if (match)
                {
                    return Key(reader);
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not a JSON object: such a record still goes out, under a random key.
        }

        return null;
    }

    private static string? Key(Utf8JsonReader reader)
    {
        var value = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            _ => null,
        };
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        // Kinesis counts the key in Unicode characters; a cut never splits a surrogate pair.
        if (value.Length <= KinesisLimits.MaxPartitionKeyChars)
        {
            return value;
        }

        var cut = KinesisLimits.MaxPartitionKeyChars;
        return char.IsHighSurrogate(value[cut - 1]) ? value[..(cut - 1)] : value[..cut];
    }
}
