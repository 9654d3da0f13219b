namespace TrackingPixel.Kinesis.Publishing;

/// <summary>The bookkeeping of one publish call: which pixel records were given up on and why.</summary>
internal sealed class PublishCall(int total)
{
    private readonly List<int> _failed = [];

    public int Total { get; } = total;

    public IReadOnlyList<int> Failed => _failed;

    public int Published { get; set; }

    /// <summary>Gets or sets the reason of an error that no retry can fix (configuration, permissions); the rest of
    /// the call is not sent.</summary>
    public string? FatalReason { get; set; }

    public string? LastReason { get; private set; }

    public Exception? LastError { get; set; }

    public void Fail(IEnumerable<int> indices, string reason)
    {
        var before = _failed.Count;
        _failed.AddRange(indices);
        if (_failed.Count > before)
        {
            LastReason = reason;
        }
    }
}
