using System.Diagnostics;

namespace TrackingPixel.Aws.Tests.Support;

/// <summary>
/// A fact that needs botocore (<c>/usr/bin/python3</c>): skipped outside CI when it is missing, never in CI.
/// </summary>
public sealed class BotocoreFactAttribute : FactAttribute
{
    public BotocoreFactAttribute()
    {
        if (!Python.HasBotocore && !string.Equals(
            Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"botocore is not importable by {Python.Interpreter} (apt-get install python3-botocore); CI " +
                "installs it and runs this test.";
        }
    }
}

/// <summary>Runs the Debian python3 that has botocore, AWS's own SDK core used here as an oracle.</summary>
public static class Python
{
    public const string Interpreter = "/usr/bin/python3";

    private static readonly Lazy<bool> _hasBotocore = new(() =>
    {
        try
        {
            using var process = Process.Start(
                new ProcessStartInfo(Interpreter, ["-c", "import botocore"]) { RedirectStandardError = true });
            if (process is null)
            {
                return false;
            }

            process.WaitForExit(60_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public static bool HasBotocore => _hasBotocore.Value;

    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Fakes", name);

    /// <summary>
    /// Runs a script with <paramref name="input"/> on stdin and returns stdout; fails the test on a non-zero exit.
    /// </summary>
    public static async Task<string> RunAsync(string script, string input, params string[] arguments)
    {
        var start = new ProcessStartInfo(Interpreter, [Script(script), .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{script} failed: {await stderr}");
        return await stdout;
    }
}
