
namespace TrackingPixel;

/// <summary>
/// Keeps a few record builders and writers for reuse, so a request allocates no JSON writer or field list of its own.
/// </summary>
/// <remarks>
/// Lock-free slots, one per likely concurrent request; when all are taken a fresh scratch is made and dropped.
/// </remarks>
internal sealed class ScratchPool(TrackingPixelOptions options)
{
    private readonly Scratch?[] _slots = new Scratch?[Math.Max(4, Environment.ProcessorCount * 2)];

    public Scratch Rent()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            var scratch = Interlocked.Exchange(ref _slots[i], null);
            if (scratch is not null)
            {
                return scratch;
            }
        }

        return new Scratch(
            new RecordBuilder(options.MissingValue), new RecordWriter(options.MaxFieldLength, options.MaxRecordBytes));
    }

    public void Return(Scratch scratch)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _slots[i], scratch, null) is null)
            {
                return;
            }
        }
    }

    internal sealed record Scratch(RecordBuilder Builder, RecordWriter Writer);
}
