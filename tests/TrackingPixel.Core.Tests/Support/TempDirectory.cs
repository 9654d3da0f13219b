namespace TrackingPixel.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("trackingpixel-tests-").FullName;

    /// <summary>Gets every line of every <c>.ndjson</c> file below the folder, with its newline.</summary>
    public IReadOnlyList<string> Lines() =>
        [.. Directory.EnumerateFiles(Path, "*.ndjson", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(f => SplitKeepingNewlines(ReadShared(f)))];

    public static string ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open by a failing test must not hide that test's own failure.
        }
    }

    private static IEnumerable<string> SplitKeepingNewlines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
