using System.Diagnostics.CodeAnalysis;

namespace TrackingPixel;

/// <summary>
/// The record being built for one request: extractors set named fields on it and the pipeline writes it as one JSON
/// line.
/// </summary>
/// <remarks>
/// Fields keep the position they were first set at, so the record's field order is the extractors' registration order;
/// setting a field again replaces its value in place. Values are held by reference and only bounded, sanitised and
/// escaped when the record is written, so setting a field is cheap. A builder is used by one request at a time. The
/// name <see cref="FieldNames.Truncated"/> is reserved for the writer: setting it throws
/// <see cref="ArgumentException"/>.
/// </remarks>
public sealed class RecordBuilder
{
    private Entry[] _entries = new Entry[16];
    private List<string>? _problems;
    private ResolvedClientAddress? _clientAddress;

    internal RecordBuilder(string? missingValue)
    {
        MissingValue = missingValue;
    }

    /// <summary>
    /// Gets the value a field gets when its source is absent: <c>"unknown"</c> unless configured otherwise.
    /// </summary>
    /// <value><see langword="null"/> means absent values are written as JSON <c>null</c>.</value>
    public string? MissingValue { get; }

    /// <summary>Gets a value indicating whether an extractor asked for this request to produce no record.</summary>
    public bool IsDiscarded { get; private set; }

    /// <summary>Gets the number of fields set so far.</summary>
    public int Count { get; private set; }

    internal IReadOnlyList<string> Problems => _problems ?? (IReadOnlyList<string>)[];

    /// <summary>
    /// Sets a string field; a <see langword="null"/> value means the source was absent and writes
    /// <see cref="MissingValue"/>.
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value, or <see langword="null"/> when absent.</param>
    public void Set(string name, string? value) =>
        Put(name, value is not null ? FieldValue.FromString(value)
                  : MissingValue is not null ? FieldValue.FromString(MissingValue) : FieldValue.Null);

    /// <summary>
    /// Sets a string field that must never be cut, such as an address: it is written whole or, if it cannot fit,
    /// dropped and listed.
    /// </summary>
    internal void SetWhole(string name, string? value) =>
        Put(name, value is not null ? FieldValue.FromString(value, whole: true)
                  : MissingValue is not null ? FieldValue.FromString(MissingValue) : FieldValue.Null);

    /// <summary>Sets an integer field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    public void Set(string name, long value) => Put(name, FieldValue.FromInteger(value));

    /// <summary>Sets a number field; a value that is not finite is written as JSON <c>null</c> and reported.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    public void Set(string name, double value)
    {
        if (double.IsFinite(value))
        {
            Put(name, FieldValue.FromNumber(value));
            return;
        }

        // JSON has no NaN or infinity; null keeps the field's position and the report says why it is empty.
        Put(name, FieldValue.Null);
        ReportInputProblem(name, "number not finite, written as null");
    }

    /// <summary>Sets a Boolean field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The value.</param>
    public void Set(string name, bool value) => Put(name, FieldValue.FromBoolean(value));

    /// <summary>
    /// Sets a timestamp field, written in UTC as ISO 8601 with milliseconds (<c>2024-05-01T12:34:56.789Z</c>).
    /// </summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The instant.</param>
    public void Set(string name, DateTimeOffset value) => Put(name, FieldValue.FromTimestamp(value));

    /// <summary>Sets a field to JSON <c>null</c>.</summary>
    /// <param name="name">The field name.</param>
    public void SetNull(string name) => Put(name, FieldValue.Null);

    /// <summary>Removes a field, for example an identifier a consent policy strips.</summary>
    /// <param name="name">The field name.</param>
    /// <returns><see langword="true"/> when the field had been set.</returns>
    public bool Remove(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        Array.Copy(_entries, index + 1, _entries, index, Count - index - 1);
        _entries[--Count] = default;
        return true;
    }

    /// <summary>Gets whether a field has been set.</summary>
    /// <param name="name">The field name.</param>
    /// <returns><see langword="true"/> when the field is set.</returns>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Gets the value of a string field set by an earlier extractor.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The string value.</param>
    /// <returns><see langword="true"/> when the field is set and holds a string.</returns>
    public bool TryGetString(string name, [NotNullWhen(true)] out string? value)
    {
        var index = IndexOf(name);
        value = index >= 0 ? _entries[index].Value.Text : null;
        return value is not null;
    }

    /// <summary>Asks for this request to produce no record; the pixel is still served.</summary>
    public void Discard() => IsDiscarded = true;

    /// <summary>
    /// Reports that part of the request was malformed; the pipeline counts and logs it without its value.
    /// </summary>
    /// <param name="field">The field affected.</param>
    /// <param name="problem">A short description, never containing request data.</param>
    public void ReportInputProblem(string field, string problem) => (_problems ??= []).Add($"{field}: {problem}");

    internal ReadOnlySpan<Entry> Entries => _entries.AsSpan(0, Count);

    /// <summary>Resolves the request's client address on first use; every extractor of the request shares it.</summary>
    /// <remarks>
    /// Kept here, the per-request scratch, so the request view stays a plain description of the request.
    /// </remarks>
    internal ResolvedClientAddress ClientAddress(ClientIpResolver resolver, PixelRequest request) =>
        _clientAddress ??= resolver.Resolve(request);

    internal void Reset()
    {
        Array.Clear(_entries, 0, Count);
        Count = 0;
        IsDiscarded = false;
        _problems?.Clear();
        _clientAddress = null;
    }

    private void Put(string name, FieldValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name == FieldNames.Truncated)
        {
            throw new ArgumentException(
                $"The field name {FieldNames.Truncated} is reserved for the list of truncated fields.",
                nameof(name));
        }

        var index = IndexOf(name);
        if (index >= 0)
        {
            _entries[index] = new Entry(name, value);
            return;
        }

        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Count * 2);
        }

        _entries[Count++] = new Entry(name, value);
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(_entries[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    internal readonly record struct Entry(string Name, FieldValue Value);
}
