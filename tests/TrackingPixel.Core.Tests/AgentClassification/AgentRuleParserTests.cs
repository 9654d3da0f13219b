
namespace TrackingPixel.Tests.AgentClassification;

public class AgentRuleParserTests
{
    [Fact]
    public void Parse_EveryRuleKind_ReadsClassNameHeaderAndToken()
    {
        var rules = AgentRuleParser.Parse("# comment\n\nmail-proxy ua:GoogleImageProxy # Gmail\r\nprefetch\theader:Sec-Purpose=prefetch\nbot ua-absent\n", "rules.txt");

        Assert.Equal(
            [
                new AgentRule("mail-proxy", "ua:GoogleImageProxy", "User-Agent", "GoogleImageProxy"),
                new AgentRule("prefetch", "header:Sec-Purpose=prefetch", "Sec-Purpose", "prefetch"),
                new AgentRule("bot", "ua-absent", "User-Agent", ""),
            ],
            rules);
    }

    [Theory]
    [InlineData("Mail-Proxy ua:x", "the class must be lower-case")]
    [InlineData("bot", "write the rule as")]
    [InlineData("bot ua:", "write the rule as")]
    [InlineData("bot header:=x", "write the rule as")]
    [InlineData("bot header:Purpose=", "write the rule as")]
    [InlineData("bot regex:.*", "write the rule as")]
    public void Parse_BadLine_NamesTheFileAndLine(string line, string message)
    {
        var error = Assert.Throws<FormatException>(() => AgentRuleParser.Parse("bot ua:curl/\n" + line, "rules.txt"));

        Assert.StartsWith("rules.txt line 2:", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BuiltInRules_AreValidAndCoverEveryBuiltInClassButRelay()
    {
        var rules = AgentRuleParser.Parse(DefaultAgentRules.Text, DefaultAgentRules.Source);

        Assert.Equal(
            [AgentClasses.MailProxy, AgentClasses.Scanner, AgentClasses.Bot, AgentClasses.Prefetch],
            rules.Select(r => r.Class).Distinct());
    }
}
