using TrackingPixel.ClickSign;

namespace TrackingPixel.Samples.Tests.Tools;

public class ClickSignCommandTests
{
    private const string Keys = "old=old-key-0123456789abcdef0123456789ab,new=new-key-0123456789abcdef0123456789ab";

    [Fact]
    public void Run_WithKeysFromTheEnvironment_PrintsALinkTheEndpointVerifies()
    {
        var output = new StringWriter();

        var exit = ClickSignCommand.Run(
            [
                "--endpoint", "https://px.example.com/click",
                "--target", "https://www.example.com/",
                "--key-id", "new",
                "--param", "userid=42",
            ],
            name => name == ClickSignCommand.KeysVariable ? Keys : null,
            output,
            TextWriter.Null);

        Assert.Equal(0, exit);
        var link = new Uri(output.ToString().Trim());
        var verifier = new ClickLinkOptions();
        verifier.Keys["new"] = "new-key-0123456789abcdef0123456789ab";
        Assert.Equal(
            ClickLinkStatus.Valid,
            new ClickLinkSigner(verifier).Verify(QueryParameters.Parse(link.Query), out var target));
        Assert.Equal("https://www.example.com/", target!.AbsoluteUri);
        Assert.Contains("userid=42", link.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Keys is empty")]
    [InlineData("k=short", "shorter than 32 bytes")]
    public void Run_WithoutUsableKeys_SaysWhereKeysComeFrom(string? keys, string message)
    {
        var error = new StringWriter();

        var exit = ClickSignCommand.Run(
            ["--endpoint", "https://px.example.com/click", "--target", "https://www.example.com/"],
            _ => keys,
            TextWriter.Null,
            error);

        Assert.Equal(2, exit);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(ClickSignCommand.KeysVariable, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithoutATarget_PrintsUsage()
    {
        var error = new StringWriter();

        Assert.Equal(
            2, ClickSignCommand.Run(["--endpoint", "https://px.example.com/click"], _ => Keys, TextWriter.Null, error));
        Assert.Contains("Usage:", error.ToString(), StringComparison.Ordinal);
    }
}
