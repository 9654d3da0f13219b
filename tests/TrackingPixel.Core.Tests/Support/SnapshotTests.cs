using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace TrackingPixel.Tests.Support;

/// <summary>The snapshot helper must fail on any difference, so a changed record can never pass unnoticed.</summary>
public class SnapshotTests
{
    [Fact]
    public void Match_SameBytes_Passes() =>
        Snapshot.Match("{\"fixed\":true}\n"u8, "snapshot-self-test", ThisFile(), update: false);

    [Theory]
    [InlineData("{\"fixed\":false}\n")]
    [InlineData("{\"fixed\":true}")]
    [InlineData("{\"fixed\":true}\r\n")]
    public void Match_DifferentBytes_Fails(string actual) =>
        Assert.ThrowsAny<XunitException>(() => Snapshot.Match(
            System.Text.Encoding.UTF8.GetBytes(actual), "snapshot-self-test", ThisFile(), update: false));

    [Fact]
    public void Match_MissingSnapshot_FailsInsteadOfCreatingIt()
    {
        Assert.ThrowsAny<XunitException>(() => Snapshot.Match("{}\n"u8, "no-such-snapshot", ThisFile(), update: false));
        Assert.False(
            File.Exists(Path.Combine(Path.GetDirectoryName(ThisFile())!, "__snapshots__", "no-such-snapshot.ndjson")));
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
