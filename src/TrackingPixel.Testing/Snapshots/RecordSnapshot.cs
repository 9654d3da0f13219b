using System.Runtime.CompilerServices;
using System.Text;

namespace TrackingPixel.Testing;

/// <summary>Compares output with a committed snapshot file, byte for byte, and explains any difference field by
/// field.</summary>
/// <remarks>
/// <para>
/// Snapshots live in <c>__snapshots__</c> next to the calling test's source file, named <c>&lt;name&gt;.ndjson</c>.
/// A missing snapshot fails, as does any difference, trailing newline included; the message lists each differing
/// field of each JSON line.
/// </para>
/// <para>
/// To accept new output, run the tests with <c>UPDATE_SNAPSHOTS=1</c>: snapshots are then written instead of compared,
/// for you to review in version control before committing. The variable is ignored when <c>CI=true</c>, so a build
/// server never accepts its own output. Mark snapshot files <c>-text</c> in <c>.gitattributes</c> so no checkout
/// rewrites their line endings.
/// </para>
/// </remarks>
public static class RecordSnapshot
{
    /// <summary>The environment variable that, set to <c>1</c> or <c>true</c>, accepts output as the new
    /// snapshots.</summary>
    public const string AcceptVariable = "UPDATE_SNAPSHOTS";

    /// <summary>Compares a published record with the snapshot <paramref name="name"/>.</summary>
    /// <param name="actual">The record.</param>
    /// <param name="name">The snapshot's name, without extension.</param>
    /// <param name="testFile">Filled in by the compiler: the calling source file, next to which <c>__snapshots__</c>
    /// is.</param>
    /// <exception cref="SnapshotMismatchException">The record differs from the snapshot, or there is no
    /// snapshot.</exception>
    public static void Match(PublishedRecord? actual, string name, [CallerFilePath] string testFile = "")
    {
        if (actual is null)
        {
            throw new SnapshotMismatchException(
                $"No record was published for snapshot '{name}': the composition discarded the request.");
        }

        MatchBytes(actual.Bytes.Span, name, testFile);
    }

    /// <summary>Compares text, such as several records one per line, with the snapshot <paramref
    /// name="name"/>.</summary>
    /// <param name="actual">The text, compared as UTF-8.</param>
    /// <param name="name">The snapshot's name, without extension.</param>
    /// <param name="testFile">Filled in by the compiler: the calling source file, next to which <c>__snapshots__</c>
    /// is.</param>
    /// <exception cref="SnapshotMismatchException">The text differs from the snapshot, or there is no
    /// snapshot.</exception>
    public static void MatchText(string actual, string name, [CallerFilePath] string testFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        MatchBytes(Encoding.UTF8.GetBytes(actual), name, testFile);
    }

    /// <summary>Compares bytes with the snapshot <paramref name="name"/>.</summary>
    /// <param name="actual">The bytes.</param>
    /// <param name="name">The snapshot's name, without extension.</param>
    /// <param name="testFile">Filled in by the compiler: the calling source file, next to which <c>__snapshots__</c>
    /// is.</param>
    /// <exception cref="SnapshotMismatchException">The bytes differ from the snapshot, or there is no
    /// snapshot.</exception>
    public static void MatchBytes(ReadOnlySpan<byte> actual, string name, [CallerFilePath] string testFile = "") =>
        MatchFile(actual, PathFor(name, testFile));

    /// <summary>Compares bytes with the snapshot file at <paramref name="path"/>, for snapshots kept
    /// elsewhere.</summary>
    /// <param name="actual">The bytes.</param>
    /// <param name="path">The snapshot file.</param>
    /// <exception cref="SnapshotMismatchException">The bytes differ from the snapshot, or there is no
    /// snapshot.</exception>
    public static void MatchFile(ReadOnlySpan<byte> actual, string path) =>
        MatchFile(actual, path, Environment.GetEnvironmentVariable);

    /// <summary>The snapshot file for <paramref name="name"/> next to <paramref name="testFile"/>.</summary>
    /// <param name="name">The snapshot's name, without extension.</param>
    /// <param name="testFile">A test's source file.</param>
    /// <returns>The path of <c>__snapshots__/&lt;name&gt;.ndjson</c> beside the test file.</returns>
    public static string PathFor(string name, string testFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(testFile);
        var folder = Path.GetDirectoryName(testFile)
            ?? throw new ArgumentException($"'{testFile}' is not a file path.", nameof(testFile));
        return Path.Combine(folder, "__snapshots__", name + ".ndjson");
    }

    internal static void MatchFile(ReadOnlySpan<byte> actual, string path, Func<string, string?> environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var accept = environment(AcceptVariable) is "1" or "true";
        var ci = string.Equals(environment("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var expected = File.Exists(path) ? File.ReadAllBytes(path) : null;
        if (expected is not null && actual.SequenceEqual(expected))
        {
            return;
        }

        if (accept && !ci)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(path, actual.ToArray());
            return;
        }

        var howToAccept = accept
            ? $"{AcceptVariable} is ignored because CI=true: accept snapshots on your machine and commit them."
            : $"To accept the actual output, run the tests with {AcceptVariable}=1 (ignored when CI=true) "
                + "and review the change before committing.";
        throw new SnapshotMismatchException(expected is null
            ? $"There is no snapshot {path}.\nThe actual output is:\n{Encoding.UTF8.GetString(actual)}\n{howToAccept}"
            : $"The output differs from the snapshot {path}:\n"
                + $"{SnapshotDiff.Describe(expected, actual)}\n{howToAccept}");
    }
}
