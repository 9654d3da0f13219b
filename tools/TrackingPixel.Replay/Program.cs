using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrackingPixel.Firehose.Replay;
using TrackingPixel.Publishing;

// Usage: dotnet run --project tools/TrackingPixel.Replay --
//            [--to firehose|kinesis|file] <log-file | -> [not-replayed-file]
// firehose (the default): the stream from KINESIS_FIREHOSE_STREAM_NAME; kinesis: the stream (name or ARN) from
// TRACKINGPIXEL_KINESIS_STREAM; region, endpoint and credentials from the usual AWS variables. file: NDJSON files
// under TRACKINGPIXEL_RECORDS_DIRECTORY, as the file publisher writes them. Lines whose records are still not accepted
// go to not-replayed-file (default: standard output), ready for another run.
const string Usage =
    "usage: TrackingPixel.Replay [--to firehose|kinesis|file] <log-file | -> [not-replayed-file]";
var to = "firehose";
if (args is ["--to", var sink, ..])
{
    to = sink;
    args = args[2..];
}

if (args.Length is < 1 or > 2)
{
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}

var services = new ServiceCollection();
services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).AddFilter(l => l >= LogLevel.Warning));
var pixel = services.AddTrackingPixel();
switch (to)
{
    case "firehose":
        pixel.UseFirehosePublisher(o => o.DeliveryStreamName = Setting("KINESIS_FIREHOSE_STREAM_NAME"));
        break;
    case "kinesis":
        pixel.UseKinesisPublisher(o => o.Stream = Setting("TRACKINGPIXEL_KINESIS_STREAM"));
        break;
    case "file":
        // No silent default folder: records replayed somewhere unexpected would look lost.
        var directory = Setting("TRACKINGPIXEL_RECORDS_DIRECTORY")
            ?? throw new InvalidOperationException(
                "Set TRACKINGPIXEL_RECORDS_DIRECTORY to the folder for the NDJSON files.");
        pixel.UseFilePublisher(o => o.Directory = directory);
        break;
    default:
        await Console.Error.WriteLineAsync($"--to must be firehose, kinesis or file, not '{to}'. {Usage}");
        return 2;
}

await using var provider = services.BuildServiceProvider();
using var input = args[0] == "-" ? Console.In : new StreamReader(args[0]);
await using var notReplayed = args.Length == 2 ? new StreamWriter(args[1], append: true) : Console.Out;
var result = await FirehoseReplay.ReplayAsync(input, provider.GetRequiredService<IRecordPublisher>(), notReplayed);
await Console.Error.WriteLineAsync(
    $"{result.LinesRead} lines read, {result.RecordsFound} undelivered records found, "
    + $"{result.RecordsPublished} published to {to}, {result.RecordsNotPublished} not published.");
return result.RecordsNotPublished == 0 ? 0 : 1;

static string? Setting(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
