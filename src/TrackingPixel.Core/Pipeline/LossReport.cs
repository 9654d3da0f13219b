namespace TrackingPixel;

/// <summary>Reports a lost record on standard error, which stays visible when the log on standard output is what
/// failed.</summary>
/// <remarks>
/// The undelivered-record sink usually writes to standard output, so when it fails the log there has failed too: a
/// critical log line alone would vanish. Standard error is a separate stream (and file, when redirected). If it fails
/// as well, the loss is still counted on the meter.
/// </remarks>
internal static class LossReport
{
    public static void Write(long lostSoFar, Exception sinkFailure)
    {
        try
        {
            Console.Error.WriteLine(
                $"trackingpixel: a record was lost ({lostSoFar} so far): the publisher did not accept it and the " +
                $"undelivered-record sink failed: {sinkFailure.GetType().Name}: {sinkFailure.Message}");
        }
        catch (IOException)
        {
            // Nothing is left to write to; the lost-records counter still says it.
        }
    }
}
