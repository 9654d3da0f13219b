namespace TrackingPixel.Tests.AgentClassification;

public class AgentRuleParserTests
{
    [Fact]
    public void Parse_EveryRuleKind_ReadsClassNameAndArguments()
    {
        var rules = AgentRuleParser.Parse(
            "# comment\n\nmail-proxy ua:GoogleImageProxy # Gmail\r\ncrawler\tua-case:*Bot\n" +
            "prefetch header:Sec-Purpose=prefetch\n" +
            "non-browser ua-absent\nnon-browser ua-no-platform\nplatform ua:Android*\nmonitoring ip:198.51.100.0/24\n" +
            "scanner ip-file:scanners.csv\ndisable ua:^Java/\ninclude built-in\n",
            "rules.txt");

        Assert.Equal(
            [
                new AgentRule(
                    "mail-proxy",
                    "ua:GoogleImageProxy",
                    AgentRuleKind.UserAgent,
                    Token: new TokenPattern("GoogleImageProxy", false, false, false, false)),
                new AgentRule(
                    "crawler",
                    "ua-case:*Bot",
                    AgentRuleKind.UserAgent,
                    Token: new TokenPattern("Bot", false, true, false, true)),
                new AgentRule(
                    "prefetch",
                    "header:Sec-Purpose=prefetch",
                    AgentRuleKind.Header,
                    "Sec-Purpose",
                    "prefetch"),
                new AgentRule("non-browser", "ua-absent", AgentRuleKind.UserAgentAbsent),
                new AgentRule("non-browser", "ua-no-platform", AgentRuleKind.NoPlatform),
                new AgentRule(
                    "platform",
                    "ua:Android*",
                    AgentRuleKind.UserAgent,
                    Token: new TokenPattern("Android", false, false, true, false)),
                new AgentRule("monitoring", "ip:198.51.100.0/24", AgentRuleKind.Address, "198.51.100.0/24"),
                new AgentRule("scanner", "ip-file:scanners.csv", AgentRuleKind.AddressFile, "scanners.csv"),
                new AgentRule("disable", "ua:^Java/", AgentRuleKind.Disable, "ua:^Java/"),
                new AgentRule("include", "built-in", AgentRuleKind.IncludeBuiltIn),
            ],
            rules);
    }

    [Theory]
    [InlineData("Mail-Proxy ua:x", "the class must be lower-case")]
    [InlineData("crawler", "write CLASS then")]
    [InlineData("crawler ua:", "write CLASS then")]
    [InlineData("crawler ua:b*t", "write CLASS then")]
    [InlineData("crawler header:=x", "write CLASS then")]
    [InlineData("crawler header:Purpose=", "write CLASS then")]
    [InlineData("crawler regex:.*", "write CLASS then")]
    [InlineData("crawler ip:10.1/16", "write CLASS then")]
    [InlineData("platform ip:10.0.0.0/8", "write CLASS then")]
    [InlineData("include everything", "write CLASS then")]
    public void Parse_BadLine_NamesTheFileAndLine(string line, string message)
    {
        var error =
            Assert.Throws<FormatException>(() => AgentRuleParser.Parse("crawler ua:curl/\n" + line, "rules.txt"));

        Assert.StartsWith("rules.txt line 2:", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BuiltInRules_AreValidAndUseEveryUserAgentClass()
    {
        var rules = AgentRuleParser.Parse(DefaultAgentRules.Text, DefaultAgentRules.Source);

        Assert.Equal(
            new[]
            {
                AgentClasses.MailProxy, AgentClasses.Scanner, AgentClasses.LinkPreview, AgentClasses.AiFetcher,
                AgentClasses.Monitoring, AgentClasses.Automation, AgentClasses.Crawler, AgentClasses.NonBrowser,
                AgentClasses.Prefetch, AgentClasses.Human,
                AgentRuleParser.PlatformClass,
            }.Order(),
            rules.Select(r => r.Class).Distinct().Order());
    }
}
