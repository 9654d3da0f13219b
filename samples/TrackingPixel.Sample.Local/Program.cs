using TrackingPixel.Sample.Local;

// dotnet run --project samples/TrackingPixel.Sample.Local [-- --port 5080 --records ./records]
WebApplication app;
try
{
    app = LocalPixelApp.Create(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

await using var disposeApp = app;
if (await LocalPixelApp.CheckRecordsFolderAsync(app) is { } problem)
{
    Console.Error.WriteLine(problem);
    return 1;
}

try
{
    await app.StartAsync();
}
catch (IOException exception)
{
    Console.Error.WriteLine(
        $"Could not start: {exception.Message.TrimEnd('.')}. Choose another port with --port <number>.");
    return 1;
}

try
{
    LocalPixelApp.PrintWelcome(app, Console.Out);
}
catch (IOException exception)
{
    // Standard output is full or closed: the collector still serves; say so where it can still be seen.
    TryWriteError($"The welcome text could not be written to standard output ({exception.Message}); serving anyway.");
}

// Ctrl+C stops the server gracefully; disposing the app then flushes and closes the record file.
await app.WaitForShutdownAsync();
return 0;

static void TryWriteError(string message)
{
    try
    {
        Console.Error.WriteLine(message);
    }
    catch (IOException)
    {
        // Standard error is gone too; the health endpoint and the meter remain.
    }
}
