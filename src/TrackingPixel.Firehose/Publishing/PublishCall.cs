namespace TrackingPixel.Firehose.Publishing;

/// <summary>The bookkeeping of one publish call: which records were given up on and why, and what was done.</summary>
internal sealed class PublishCall(int total)
{
    private readonly List<int> _failed = [];

    public int Total { get; } = total;

    public IReadOnlyList<int> Failed => _failed;

    public int Published { get; set; }

    public int Retried { get; set; }

    public int Requests { get; set; }

    /// <summary>
    /// Gets or sets the reason of an error that no retry can fix (configuration, permissions); the rest of the call is
    /// not sent.
    /// </summary>
    public string? FatalReason { get; set; }

    public string? LastReason { get; private set; }

    public Exception? LastError { get; set; }

    /// <summary>Gets or sets, when records are packed, the pixel records each packed record holds; the indices
    /// passed to <see cref="Fail"/> and <see cref="Weight"/> are then packed-record indices.</summary>
    public IReadOnlyList<int[]>? Members { get; set; }

    /// <summary>Gets how many pixel records the sent records at <paramref name="units"/> hold.</summary>
    public int Weight(IEnumerable<int> units) => Members is null ? units.Count() : units.Sum(u => Members[u].Length);

    public void Fail(IEnumerable<int> indices, string reason)
    {
        var before = _failed.Count;
        _failed.AddRange(Members is null ? indices : indices.SelectMany(i => Members[i]));
        if (_failed.Count > before)
        {
            LastReason = reason;
        }
    }

    public string Describe(string stream) =>
        $"{_failed.Count} of {Total} records were not delivered to Firehose stream '{stream}': " +
            $"{FatalReason ?? LastReason}";
}
