namespace TrackingPixel.Browser.Tests.Support;

/// <summary>A fact that needs Debian's chromium: skipped outside CI when it is missing, never in CI.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable) && !string.Equals(
            Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"chromium is not installed at {Executable} (apt-get install chromium); CI installs it and runs " +
                "this test.";
        }
    }
}
