using TrackingPixel.Lambda.BootstrapDriver;

// Usage:
//   check <bootstrap>            three fixture events, an unsupported event, then a Runtime API 500: exit 0 when all is right
//   measure <bootstrap> <runs>   start-up measurements, one fresh process per run
if (args is ["check", var bootstrap])
{
    return await Check.RunAsync(bootstrap);
}

if (args is ["measure", var binary, var runs] && int.TryParse(runs, out var count) && count > 0)
{
    return await Measure.RunAsync(binary, count);
}

Console.Error.WriteLine("usage: check <bootstrap> | measure <bootstrap> <runs>");
return 2;
