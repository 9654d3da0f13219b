using System.Runtime.CompilerServices;
using System.Text;

namespace TrackingPixel.Tests.Privacy.Support;

/// <summary>Compares text with a committed snapshot file under <c>__snapshots__</c> next to the test, reviewed by eye.</summary>
/// <remarks>
/// A mismatch fails and writes the actual text beside the snapshot as <c>.actual</c> for diffing. A missing snapshot
/// fails too, unless <c>UPDATE_SNAPSHOTS=1</c> is set, which (re)writes it; CI never sets it.
/// </remarks>
public static class RecordSnapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "__snapshots__");
        var path = Path.Combine(folder, name + ".ndjson");
        var actualPath = path + ".actual";
        actual = actual.ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            File.Delete(actualPath);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot {path}; run the tests with UPDATE_SNAPSHOTS=1, review the file and commit it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            File.WriteAllText(actualPath, actual, new UTF8Encoding(false));
        }
        else
        {
            File.Delete(actualPath);
        }

        Assert.Equal(expected, actual);
    }
}
