using System.Buffers;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// Collects the entries of every map and list in an event during the reading pass, in a pooled buffer.
/// </summary>
internal struct PayloadEntries(int capacity)
{
    private PayloadEntry[] _buffer = ArrayPool<PayloadEntry>.Shared.Rent(capacity);
    private List<(int Index, string Name)>? _escapedNames;

    /// <summary>Gets the number of entries collected.</summary>
    public int Count { get; private set; }

    public void Add(PayloadEntry entry)
    {
        if (Count == _buffer.Length)
        {
            var larger = ArrayPool<PayloadEntry>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan().CopyTo(larger);
            ArrayPool<PayloadEntry>.Shared.Return(_buffer);
            _buffer = larger;
        }

        _buffer[Count++] = entry;
    }

    /// <summary>Keeps the unescaped name of the entry added next, as its bytes cannot be compared directly.</summary>
    public void NameNextEntry(string name) => (_escapedNames ??= []).Add((Count, name));

    /// <summary>
    /// Copies the entries into one exactly sized array, with the unescaped names indexed like them (null when none
    /// was escaped), and returns the buffer to the pool; the collector is done after this.
    /// </summary>
    public PayloadEntry[] ToArray(out string?[]? escapedNames)
    {
        var entries = _buffer.AsSpan(0, Count).ToArray();
        ArrayPool<PayloadEntry>.Shared.Return(_buffer);
        _buffer = [];
        escapedNames = null;
        if (_escapedNames is not null)
        {
            escapedNames = new string?[Count];
            foreach (var (index, name) in _escapedNames)
            {
                escapedNames[index] = name;
            }
        }

        return entries;
    }
}
