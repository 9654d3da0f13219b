using TrackingPixel.Lambda.BootstrapDriver;

// Usage:
//   check <bootstrap>            three fixture events, an unsupported event, then a Runtime API 500: exit 0 when all
//                                is right
//   measure <bootstrap> <runs>   start-up measurements, one fresh process per run
//   records <bootstrap>          the three fixture events; prints each record written, one per line
//   firehose <bootstrap> <endpoint> <stored-records-file> <events> [concurrency]
//                                publish through a (fake) Firehose endpoint: every record delivered, none undelivered
//   kinesis <bootstrap> <endpoint> <stream> <events>
//                                publish to a Kinesis endpoint (kinesalite): every pixel answered, none undelivered
//   warm <bootstrap> <invocations>
//                                warm loop against an in-process Firehose: throughput, pixel latency, publish time,
//                                peak RSS
//   concurrent <bootstrap> <pixels> <concurrency> <firehose-ms>
//                                AWS_LAMBDA_MAX_CONCURRENCY (1: standard) against a slow loopback Firehose:
//                                requests and billed units per 1,000 pixels, pixel latency, records, SIGTERM
if (args is ["check", var bootstrap])
{
    return await Check.RunAsync(bootstrap);
}

if (args is ["measure", var binary, var runs] && int.TryParse(runs, out var count) && count > 0)
{
    return await Measure.RunAsync(binary, count);
}

if (args is ["records", var consumer])
{
    return await Check.PrintRecordsAsync(consumer);
}

if (args is ["firehose", var lambda, var endpoint, var stored, var events, .. var rest]
    && int.TryParse(events, out var eventCount) && eventCount > 0
    && (rest is [] || (rest is [var n] && int.TryParse(n, out _))))
{
    var loops = rest is [var given] ? int.Parse(given, System.Globalization.CultureInfo.InvariantCulture) : 1;
    return await SinkCheck.RunAsync(
        lambda, "firehose", SinkCheck.Firehose(new Uri(endpoint)), stored, eventCount, loops);
}

if (args is ["kinesis", var kinesisLambda, var kinesisEndpoint, var stream, var kinesisEvents]
    && int.TryParse(kinesisEvents, out var pixelCount) && pixelCount > 0)
{
    return await SinkCheck.RunAsync(
        kinesisLambda, "kinesis", SinkCheck.Kinesis(new Uri(kinesisEndpoint), stream), null, pixelCount);
}

if (args is ["warm", var warm, var invocations]
    && int.TryParse(invocations, out var invocationCount)
    && invocationCount > 0)
{
    return await WarmLoop.RunAsync(warm, invocationCount);
}

if (args is ["concurrent", var lmi, var offered, var invocationLoops, var firehoseMs]
    && int.TryParse(offered, out var pixels) && pixels > 0
    && int.TryParse(invocationLoops, out var concurrency) && concurrency > 0
    && int.TryParse(firehoseMs, out var latency) && latency >= 0)
{
    return await ConcurrentLoop.RunAsync(lmi, pixels, concurrency, TimeSpan.FromMilliseconds(latency));
}

Console.Error.WriteLine(
    "usage: check <bootstrap> | records <bootstrap> | measure <bootstrap> <runs> | "
    + "firehose <bootstrap> <endpoint> <stored-file> <events> [concurrency] | "
    + "kinesis <bootstrap> <endpoint> <stream> <events> | warm <bootstrap> <invocations> | "
    + "concurrent <bootstrap> <pixels> <concurrency> <firehose-ms>");
return 2;
