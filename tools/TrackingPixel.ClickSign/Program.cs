using TrackingPixel.ClickSign;

// Usage: TRACKINGPIXEL_CLICK_KEYS='kid=secret' dotnet run --project tools/TrackingPixel.ClickSign --
//   --endpoint https://px.example.com/click --target https://www.example.com/offer [--expires 2027-01-31T00:00:00Z]
//   [--key-id kid] [--param userid=42 ...]
// Prints the signed link. The keys are read from the environment, never from the command line (shell history).
return ClickSignCommand.Run(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error);
