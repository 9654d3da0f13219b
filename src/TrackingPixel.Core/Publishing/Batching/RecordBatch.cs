namespace TrackingPixel.Publishing;

/// <summary>
/// One batch of the spine: its records, their callers' tokens, and each record's outcome once settled.
/// </summary>
/// <remarks>Filled only under the spine's lock while open; once taken for sending, read by the sender alone.</remarks>
internal sealed class RecordBatch(RecordBatcher owner, bool holdsRoom) : IThreadPoolWorkItem
{
    // Asynchronous continuations: the callers resume on the thread pool, not one after another on the sender's thread.
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ReadOnlyMemory<byte>> _records = new(4);
    private List<CancellationToken>? _tokens;
    private CancellationToken _token;
    private PublishOutcome[]? _outcomes;
    private long _bytes;

    public IReadOnlyList<ReadOnlyMemory<byte>> Records => _records;

    /// <summary>Gets whether its records took room in the spine's queue, to be given back once settled.</summary>
    public bool HoldsRoom { get; } = holdsRoom;

    public int Count => _records.Count;

    public Task Completion => _completion.Task;

    public bool Fits(int length, PublisherLimits limits) =>
        _records.Count == 0 || (_records.Count < limits.MaxRecords && _bytes + length <= limits.MaxBytes);

    public bool IsFull(PublisherLimits limits) => _records.Count >= limits.MaxRecords || _bytes >= limits.MaxBytes;

    public int Add(ReadOnlyMemory<byte> record, CancellationToken cancellationToken)
    {
        _records.Add(record);
        _bytes += record.Length;
        if (cancellationToken.CanBeCanceled && cancellationToken != _token)
        {
            if (_token.CanBeCanceled)
            {
                (_tokens ??= [_token]).Add(cancellationToken);
            }
            else
            {
                _token = cancellationToken;
            }
        }

        return _records.Count - 1;
    }

    /// <summary>
    /// Gets the token the publisher call runs under: cancelled as soon as any of the records' tokens is.
    /// </summary>
    public CancellationToken Token(out CancellationTokenSource? linked)
    {
        linked = _tokens is null ? null : CancellationTokenSource.CreateLinkedTokenSource([.. _tokens]);
        return linked?.Token ?? _token;
    }

    public void SetOutcome(int index, PublishOutcome outcome) =>
        (_outcomes ??= new PublishOutcome[_records.Count])[index] = outcome;

    public PublishOutcome OutcomeOf(int index) => _outcomes?[index] ?? PublishOutcome.Published;

    public void Complete() => _completion.TrySetResult();

    public void Execute() => _ = owner.SendAsync(this);
}
