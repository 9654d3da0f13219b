using TrackingPixel;
using TrackingPixel.AgentReport;

// Usage:
//   dotnet run --project tools/TrackingPixel.AgentReport -- [--rules FILE] [--relay-ranges FILE] [--lines] <file | ->
// Input: one user agent a line, optionally followed by a tab and the client address (so address rules apply).
// Prints how many lines each class and rule got; with --lines, each line's class and rule instead, tab-separated.
var options = new AgentClassificationOptions();
var perLine = false;
string? input = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rules" when i + 1 < args.Length:
            options.RulesFile = args[++i];
            break;
        case "--relay-ranges" when i + 1 < args.Length:
            options.RelayRangesFile = args[++i];
            break;
        case "--lines":
            perLine = true;
            break;
        default:
            input = input is null && !args[i].StartsWith("--", StringComparison.Ordinal) ? args[i] : null;
            break;
    }
}

if (input is null)
{
    await Console.Error.WriteLineAsync(
        "usage: TrackingPixel.AgentReport [--rules FILE] [--relay-ranges FILE] [--lines] <file | ->");
    return 2;
}

IAgentClassifier classifier;
try
{
    classifier = AgentClassifiers.Create(options);
}
catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

using var reader = input == "-" ? Console.In : new StreamReader(input);
var report = new AgentReport(classifier);
while (await reader.ReadLineAsync() is { } line)
{
    var verdict = report.Add(line);
    if (perLine)
    {
        await Console.Out.WriteLineAsync($"{verdict.Class}\t{verdict.Rule ?? "-"}\t{line}");
    }
}

if (!perLine)
{
    await report.WriteSummaryAsync(Console.Out);
}

return 0;
