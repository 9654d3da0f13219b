using System.Text;
using TrackingPixel.Publishing;

namespace TrackingPixel.Firehose.Replay;

/// <summary>Sends undelivered-record log lines (<see cref="UndeliveredRecordLine"/>) back to the stream.</summary>
/// <remarks>
/// Lines that are not undelivered-record lines are skipped, so a whole exported log can be fed in. Records go out in
/// batches of up to 500 through the given publisher (normally the Firehose publisher, with its retries). The lines of
/// records still not accepted are written, unchanged, to the not-replayed output, so a later replay can pick them up;
/// nothing read is lost. Replaying can duplicate a record that was in fact delivered (for example after a timeout);
/// consumers deduplicate as described in docs/firehose.md.
/// </remarks>
public static class FirehoseReplay
{
    private const int BatchSize = 500;

    /// <summary>Replays every undelivered record found in <paramref name="lines"/>.</summary>
    /// <param name="lines">
    /// The log lines, for example exported from CloudWatch Logs; a prefix before each line's first <c>{</c> is ignored.
    /// </param>
    /// <param name="publisher">Where records go again.</param>
    /// <param name="notReplayed">Receives the lines whose records were still not accepted.</param>
    /// <param name="cancellationToken">
    /// Stops reading; records already read are still published or written to <paramref name="notReplayed"/>.
    /// </param>
    /// <returns>The counts of lines read, records found, published and not published.</returns>
    public static async Task<ReplayResult> ReplayAsync(
        TextReader lines,
        IRecordPublisher publisher,
        TextWriter notReplayed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(notReplayed);
        long read = 0, found = 0, published = 0, failed = 0;
        var batch = new List<(string Line, byte[] Record)>(BatchSize);
        while (!cancellationToken.IsCancellationRequested
            && await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            read++;
            if (!UndeliveredRecordLine.TryRead(Encoding.UTF8.GetBytes(line), out var record))
            {
                continue;
            }

            found++;
            batch.Add((line, record));
            if (batch.Count == BatchSize)
            {
                failed += await FlushAsync(batch, publisher, notReplayed).ConfigureAwait(false);
            }
        }

        failed += await FlushAsync(batch, publisher, notReplayed).ConfigureAwait(false);
        published = found - failed;
        return new ReplayResult(read, found, published, failed);
    }

    private static async Task<int> FlushAsync(
        List<(string Line, byte[] Record)> batch, IRecordPublisher publisher, TextWriter notReplayed)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<int> failed = [];
        try
        {
            // Not cancelled: once read, a record is either published or written back out.
            await publisher.PublishAsync(
                [.. batch.Select(b => new ReadOnlyMemory<byte>(b.Record))], CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (RecordPublishException exception) when (exception.FailedIndices.Count > 0)
        {
            failed = [.. exception.FailedIndices.Distinct()];
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            failed = [.. Enumerable.Range(0, batch.Count)];
        }

        foreach (var index in failed)
        {
            await notReplayed.WriteLineAsync(batch[index].Line).ConfigureAwait(false);
        }

        batch.Clear();
        return failed.Count;
    }
}
