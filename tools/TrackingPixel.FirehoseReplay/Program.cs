using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrackingPixel.Firehose.Replay;
using TrackingPixel.Publishing;

// Usage: dotnet run --project tools/TrackingPixel.FirehoseReplay -- <log-file | -> [not-replayed-file]
// The stream comes from KINESIS_FIREHOSE_STREAM_NAME; region, endpoint and credentials from the usual AWS variables.
// Lines whose records are still not accepted go to not-replayed-file (default: standard output), ready for another run.
if (args.Length is < 1 or > 2)
{
    await Console.Error.WriteLineAsync("usage: TrackingPixel.FirehoseReplay <log-file | -> [not-replayed-file]");
    return 2;
}

var services = new ServiceCollection();
services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).AddFilter(l => l >= LogLevel.Warning));
services.AddTrackingPixel().UseFirehosePublisher(o => o.DeliveryStreamName = Environment.GetEnvironmentVariable("KINESIS_FIREHOSE_STREAM_NAME"));
await using var provider = services.BuildServiceProvider();

using var input = args[0] == "-" ? Console.In : new StreamReader(args[0]);
await using var notReplayed = args.Length == 2 ? new StreamWriter(args[1], append: true) : Console.Out;
var result = await FirehoseReplay.ReplayAsync(input, provider.GetRequiredService<IRecordPublisher>(), notReplayed);
await Console.Error.WriteLineAsync(
    $"{result.LinesRead} lines read, {result.RecordsFound} undelivered records found, {result.RecordsPublished} published, {result.RecordsNotPublished} not published.");
return result.RecordsNotPublished == 0 ? 0 : 1;
