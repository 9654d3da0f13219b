using System.Text;

namespace TrackingPixel.Testing.Tests.Snapshots;

/// <summary>The snapshot assertion fails on any difference, says which field differs, and accepts only off
/// CI.</summary>
/// <remarks>One class, so its tests never run in parallel with the one that sets the real environment
/// variable.</remarks>
public sealed class RecordSnapshotTests : IDisposable
{
    private const string Record =
        "{\"date\":\"2024-05-01T12:34:56.789Z\",\"userAgent\":\"curl/8.5.0\",\"userId\":\"u-1\"}\n";
    private static readonly Dictionary<string, string?> NoVariables = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("trackingpixel-snapshots-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void MatchFile_SameBytes_Passes() => RecordSnapshot.MatchFile(Bytes(Record), Committed(Record));

    [Fact]
    public void MatchFile_OneFieldDiffers_NamesTheFieldWithBothValues()
    {
        var message = Mismatch(Record.Replace("curl/8.5.0", "curl/8.6.0", StringComparison.Ordinal), Committed(Record));

        Assert.Contains("line 1: 1 field differs", message, StringComparison.Ordinal);
        Assert.Contains(
            "\"userAgent\": expected «\"curl/8.5.0\"», actual «\"curl/8.6.0\"»",
            message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("\"userId\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchFile_FieldMissingAndFieldAdded_ListsEach()
    {
        var actual = Record.Replace(",\"userId\":\"u-1\"", ",\"deviceClass\":\"desktop\"", StringComparison.Ordinal);

        var message = Mismatch(actual, Committed(Record));

        Assert.Contains(
            "\"userId\": missing from the actual record; the snapshot has «\"u-1\"»",
            message,
            StringComparison.Ordinal);
        Assert.Contains(
            "\"deviceClass\": not in the snapshot; the actual record has «\"desktop\"»",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void MatchFile_SameFieldsInAnotherOrder_SaysSo()
    {
        var message = Mismatch("{\"b\":1,\"a\":2}\n", Committed("{\"a\":2,\"b\":1}\n"));

        Assert.Contains(
            "the fields are in another order: expected a, b; actual b, a",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void MatchFile_LongValue_ShowsWhereItFirstDiffers()
    {
        var expected = "{\"userAgent\":\"" + new string('A', 5_000) + "B\"}\n";
        var message = Mismatch(expected.Replace("AB", "AC", StringComparison.Ordinal), Committed(expected));

        Assert.Contains("AAAC\"»", message, StringComparison.Ordinal);
        Assert.Contains("AAAB\"»", message, StringComparison.Ordinal);
        Assert.Contains("(5003 chars)", message, StringComparison.Ordinal);
        Assert.True(message.Length < 1_000, message);
    }

    [Fact]
    public void MatchFile_SecondOfThreeRecordsDiffers_NamesItsLine()
    {
        var expected = Record + Record.Replace("u-1", "u-2", StringComparison.Ordinal) + Record;

        var message = Mismatch(Record + Record + Record, Committed(expected));

        Assert.Contains("line 2: 1 field differs", message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1", message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 3", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MatchFile_ExtraRecord_IsShownAsNotInTheSnapshot() =>
        Assert.Contains(
            "line 2: not in the snapshot", Mismatch(Record + Record,
            Committed(Record)),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("{\"fixed\":true}", "the snapshot ends with a newline and the actual output does not")]
    [InlineData(
        "{\"fixed\":true}\r\n",
        "the same fields, written differently: expected «{\"fixed\":true}», actual «{\"fixed\":true}\\r»")]
    [InlineData("plain text\n", "line 1: expected «{\"fixed\":true}», actual «plain text»")]
    public void MatchFile_DifferencesOutsideTheFields_StillFailAndAreNamed(string actual, string explanation) =>
        Assert.Contains(explanation, Mismatch(actual, Committed("{\"fixed\":true}\n")), StringComparison.Ordinal);

    [Fact]
    public void MatchFile_SameTextOtherBytes_Fails() =>
        Assert.Contains(
            "bytes differ at byte 0",
            Assert.Throws<SnapshotMismatchException>(
                () => RecordSnapshot.MatchFile([0xFF], CommittedBytes([0xFE]))).Message,
            StringComparison.Ordinal);

    [Fact]
    public void MatchFile_MissingSnapshot_FailsShowingTheOutput_AndCreatesNothing()
    {
        var path = Path.Combine(_folder, "__snapshots__", "new.ndjson");

        var message = Mismatch(Record, path);

        Assert.Contains("There is no snapshot", message, StringComparison.Ordinal);
        Assert.Contains(Record, message, StringComparison.Ordinal);
        Assert.Contains("UPDATE_SNAPSHOTS=1", message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    public void MatchFile_AcceptVariableSet_WritesTheSnapshotAndPasses(string value)
    {
        var path = Path.Combine(_folder, "__snapshots__", "accepted.ndjson");
        var changed = Committed("{\"old\":true}\n");

        RecordSnapshot.MatchFile(Bytes(Record), path, Variables(value, ci: null));
        RecordSnapshot.MatchFile(Bytes(Record), changed, Variables(value, ci: "false"));

        Assert.Equal(Bytes(Record), File.ReadAllBytes(path));
        Assert.Equal(Bytes(Record), File.ReadAllBytes(changed));
        RecordSnapshot.MatchFile(Bytes(Record), path);
    }

    [Fact]
    public void MatchFile_AcceptVariableUnderCi_IsIgnored_AndTheMessageSaysWhy()
    {
        var missing = Path.Combine(_folder, "missing.ndjson");
        var changed = Committed("{\"old\":true}\n");

        var underCi = Variables("1", ci: "true");

        var first = Assert.Throws<SnapshotMismatchException>(
            () => RecordSnapshot.MatchFile(Bytes(Record), missing, underCi));
        Assert.Throws<SnapshotMismatchException>(() => RecordSnapshot.MatchFile(Bytes(Record), changed, underCi));

        Assert.Contains("ignored because CI=true", first.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.Equal("{\"old\":true}\n", File.ReadAllText(changed));
    }

    [Fact]
    public void MatchFile_ReadsTheRealEnvironment()
    {
        var path = Path.Combine(_folder, "from-environment.ndjson");
        var previous = (
            Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS"), Environment.GetEnvironmentVariable("CI"));
        try
        {
            Environment.SetEnvironmentVariable("UPDATE_SNAPSHOTS", "1");
            Environment.SetEnvironmentVariable("CI", null);
            RecordSnapshot.MatchFile(Bytes(Record), path);
        }
        finally
        {
            Environment.SetEnvironmentVariable("UPDATE_SNAPSHOTS", previous.Item1);
            Environment.SetEnvironmentVariable("CI", previous.Item2);
        }

        Assert.Equal(Bytes(Record), File.ReadAllBytes(path));
    }

    [Fact]
    public void Match_NoRecordPublished_Fails() =>
        Assert.Contains(
            "No record was published", Assert.Throws<SnapshotMismatchException>(() => RecordSnapshot.Match(null,
            "x")).Message,
            StringComparison.Ordinal);

    [Fact]
    public void PathFor_IsUnderSnapshotsNextToTheTestFile() =>
        Assert.Equal(
            Path.Combine("/src/tests/Records", "__snapshots__", "PrivacyFirst.Day1.ndjson"),
            RecordSnapshot.PathFor("PrivacyFirst.Day1", "/src/tests/Records/RecordTests.cs"));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static Func<string, string?> Variables(string accept, string? ci) =>
        name => name == RecordSnapshot.AcceptVariable ? accept : name == "CI" ? ci : null;

    private static string Mismatch(string actual, string path) =>
        Assert.Throws<SnapshotMismatchException>(
            () => RecordSnapshot.MatchFile(Bytes(actual), path, NoVariables.GetValueOrDefault)).Message;

    private string Committed(string content) => CommittedBytes(Bytes(content));

    private string CommittedBytes(byte[] content)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".ndjson");
        File.WriteAllBytes(path, content);
        return path;
    }
}
