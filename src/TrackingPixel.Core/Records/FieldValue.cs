namespace TrackingPixel;

/// <summary>The JSON kinds a record field can hold.</summary>
internal enum FieldKind : byte
{
    String,
    Null,
    Integer,
    Number,
    Boolean,
    Timestamp,
}

/// <summary>One field value held by reference until the record is written, so setting a field copies nothing.</summary>
internal readonly struct FieldValue
{
    private FieldValue(
        FieldKind kind,
        string? text,
        long integer,
        double number,
        DateTimeOffset timestamp,
        bool whole = false)
    {
        Kind = kind;
        Whole = whole;
        Text = text;
        Integer = integer;
        Number = number;
        Timestamp = timestamp;
    }

    public FieldKind Kind { get; }

    /// <summary>
    /// Gets whether a cut value would be wrong rather than short, like an address: kept whole or dropped.
    /// </summary>
    public bool Whole { get; }

    public string? Text { get; }

    public long Integer { get; }

    public double Number { get; }

    public DateTimeOffset Timestamp { get; }

    public static FieldValue Null => new(FieldKind.Null, null, 0, 0, default);

    public static FieldValue FromString(string text, bool whole = false) =>
        new(FieldKind.String, text, 0, 0, default, whole);

    public static FieldValue FromInteger(long value) => new(FieldKind.Integer, null, value, 0, default);

    public static FieldValue FromNumber(double value) => new(FieldKind.Number, null, 0, value, default);

    public static FieldValue FromBoolean(bool value) => new(FieldKind.Boolean, null, value ? 1 : 0, 0, default);

    public static FieldValue FromTimestamp(DateTimeOffset value) => new(FieldKind.Timestamp, null, 0, 0, value);
}
