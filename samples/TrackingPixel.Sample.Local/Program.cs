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
try
{
    await app.StartAsync();
}
catch (IOException exception)
{
    Console.Error.WriteLine($"Could not start: {exception.Message.TrimEnd('.')}. Choose another port with --port <number>.");
    return 1;
}

LocalPixelApp.PrintWelcome(app, Console.Out);

// Ctrl+C stops the server gracefully; disposing the app then flushes and closes the record file.
await app.WaitForShutdownAsync();
return 0;
