using System.Runtime.CompilerServices;
using System.Text;

namespace TrackingPixel.Tests.Support;

/// <summary>Compares bytes with a committed file under <c>__snapshots__</c> next to the calling test.</summary>
/// <remarks>
/// A missing or different snapshot fails the test. To accept new output, run the tests with <c>UPDATE_SNAPSHOTS=1</c>
/// (ignored when <c>CI=true</c>), then review the changed files in the diff before committing.
/// </remarks>
public static class Snapshot
{
    public static void Match(ReadOnlySpan<byte> actual, string name, [CallerFilePath] string testFile = "") =>
        Match(actual, name, testFile, UpdateRequested);

    /// <summary>Compares text with a snapshot file named <paramref name="fileName"/>, extension included.</summary>
    public static void MatchText(string actual, string fileName, [CallerFilePath] string testFile = "") =>
        MatchFile(
            Encoding.UTF8.GetBytes(actual),
            Path.Combine(Path.GetDirectoryName(testFile)!, "__snapshots__", fileName),
            UpdateRequested);

    public static void Match(ReadOnlySpan<byte> actual, string name, string testFile, bool update) =>
        MatchFile(actual, Path.Combine(Path.GetDirectoryName(testFile)!, "__snapshots__", name + ".ndjson"), update);

    private static bool UpdateRequested =>
        Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1"
            && Environment.GetEnvironmentVariable("CI") != "true";

    private static void MatchFile(ReadOnlySpan<byte> actual, string path, bool update)
    {
        if (update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, actual.ToArray());
            return;
        }

        Assert.True(
            File.Exists(path),
            $"Snapshot {path} does not exist; run the tests with UPDATE_SNAPSHOTS=1 and review it.");
        var expected = File.ReadAllBytes(path);
        if (!actual.SequenceEqual(expected))
        {
            // Compare as text first for a readable diff; identical text with different bytes still fails below.
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
            Assert.Equal(expected, actual.ToArray());
        }
    }
}
