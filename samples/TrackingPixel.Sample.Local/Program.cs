using TrackingPixel.Sample.Local;

// dotnet run --project samples/TrackingPixel.Sample.Local [-- --port 5080 --records ./records]
await using var app = LocalPixelApp.Create(args);
await app.StartAsync();
LocalPixelApp.PrintWelcome(app, Console.Out);

// Ctrl+C stops the server gracefully; disposing the app then flushes and closes the record file.
await app.WaitForShutdownAsync();
