using TrackingPixel.Sample.Local;

// dotnet run --project samples/TrackingPixel.Sample.Local [-- --port 5080 --records ./records]
await using var app = LocalPixelApp.Create(args);
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
