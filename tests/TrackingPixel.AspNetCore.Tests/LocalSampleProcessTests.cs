using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TrackingPixel.AspNetCore.Tests;

/// <summary>Runs the local sample as its own process, the way an unlucky operator does: standard output full, folder
/// gone.</summary>
public sealed class LocalSampleProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trackingpixel-operator-").FullName;

    [Fact]
    public async Task Start_RecordsFolderNotWritable_ExitsWithAClearError()
    {
        var blocker = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(blocker, "");

        using var sample = Start(Path.Combine(blocker, "records"), FreePort(), stdout: null);
        var stderr = await sample.StandardError.ReadToEndAsync();
        await sample.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);

        Assert.Equal(1, sample.ExitCode);
        Assert.Contains(
            $"Could not start: the records folder {Path.Combine(blocker, "records")} is not writable",
            stderr,
            StringComparison.Ordinal);
        Assert.Contains("Choose a writable folder with --records <folder>.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_StandardOutputFullAndFolderGone_KeepsServingCountsTheLossOnStandardErrorAndTurnsUnready()
    {
        var records = Path.Combine(_folder, "records");
        var port = FreePort();
        using var sample = Start(records, port, stdout: "/dev/full");
        var stderr = new StringBuilder();
        sample.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        sample.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilServingAsync(client, sample);

        // The folder vanishes and a file takes its place: no record can be written, and the sink (stdout) is full.
        Directory.Delete(records, recursive: true);
        await File.WriteAllTextAsync(records, "");
        for (var i = 0; i < 3; i++)
        {
            using var pixel = await client.GetAsync(new Uri("/pixel.gif?userid=u", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, pixel.StatusCode);
        }

        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        sample.Kill();
        await sample.WaitForExitAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        string errors;
        lock (stderr)
        {
            errors = stderr.ToString();
        }

        Assert.Contains("The welcome text could not be written to standard output", errors, StringComparison.Ordinal);
        Assert.Contains("trackingpixel: a record was lost (3 so far)", errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Process Start(string records, int port, string? stdout)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TrackingPixel.Sample.Local.dll");
        var redirect = stdout is null ? "" : $" > {stdout}";
        var start = new ProcessStartInfo(
            "/bin/sh", ["-c", $"exec dotnet \"$0\" --port {port} --records \"$1\"{redirect}", dll, records])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = stdout is null,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("the sample did not start");
    }

    private static async Task WaitUntilServingAsync(HttpClient client, Process sample)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < until && !sample.HasExited)
        {
            try
            {
                using var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative));
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The sample did not start serving (exited: {sample.HasExited}).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
