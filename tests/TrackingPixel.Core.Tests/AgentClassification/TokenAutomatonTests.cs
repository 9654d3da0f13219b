using CsCheck;

namespace TrackingPixel.Tests.AgentClassification;

public class TokenAutomatonTests
{
    // A small alphabet makes overlapping tokens, shared suffixes and boundary cases frequent.
    private static readonly Gen<string> Text = Gen.Char["aAbB1 /-"].Array[0, 24].Select(c => new string(c));

    private static readonly Gen<TokenPattern> Pattern =
        from text in Gen.Char["aAbB1 /-"].Array[1, 4].Select(c => new string(c))
        from shape in Gen.Int[0, 5]
        from matchCase in Gen.Bool
        select new TokenPattern(
            text,
            Anchored: shape == 4,
            LeftOpen: shape is 1 or 3,
            RightOpen: shape is 2 or 3,
            matchCase);

    [Fact]
    public void Match_RandomTokensAndText_AgreesWithCheckingEveryPosition()
    {
        Gen.Select(Pattern.List[1, 8], Gen.Int[0, 3].List[8], Text).Sample((patterns, roles, text) =>
        {
            // Some tokens are platform tokens; the others carry their index as rule.
            var tokens = patterns.Select((p, i) => (p, roles[i] == 0 ? TokenAutomaton.Platform : i)).ToList();
            var rule = new TokenAutomaton(tokens).Match(text, out var platform);

            var naive = tokens.Where(t => MatchesAnywhere(t.p, text)).ToList();
            var expectedRule = naive.Where(t => t.Item2 >= 0).Select(t => t.Item2).DefaultIfEmpty(-1).Min();
            return rule == expectedRule && platform == naive.Any(t => t.Item2 == TokenAutomaton.Platform);
        });
    }

    [Theory]
    [InlineData("*bot", false, "AhrefsBot/7.0", true)]
    [InlineData("*bot", true, "Mozilla/5.0 (Linux; Android 12; CUBOT X30)", false)]
    [InlineData("Spider", false, "Spiderman/1.0", false)]
    [InlineData("Spider", false, "Speedy Spider (http://www.entireweb.com)", true)]
    [InlineData("^Java/", false, "HotJava/1.1.2", false)]
    [InlineData("^Java/", false, "Java/1.8.0_392", true)]
    [InlineData("Google-*", false, "Google-InspectionTool/1.0", true)]
    [InlineData("ukr.net", false, "Mozilla/5.0 (compatible; ukr.net mail image proxy)", true)]
    public void Match_TokenShapes_RespectBoundariesAnchorsAndCase(
        string pattern,
        bool matchCase,
        string userAgent,
        bool expected)
    {
        var automaton = new TokenAutomaton([(TokenPattern.Parse(pattern, matchCase)!, 0)]);

        Assert.Equal(expected ? 0 : -1, automaton.Match(userAgent, out _));
    }

    [Fact]
    public void Match_NonAsciiText_NeverMatchesAndNeverThrows()
    {
        var automaton = new TokenAutomaton([(TokenPattern.Parse("bot", false)!, 0)]);

        Assert.Equal(-1, automaton.Match("b\u00f6t \u0432\u043e\u0442 \ud83e\udd16", out _));
        Assert.Equal(0, automaton.Match("\u00e9bot\u00e9", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("^*bot")]
    [InlineData("b*t")]
    [InlineData("caf\u00e9")]
    [InlineData("bo^t")]
    public void Parse_MalformedToken_ReturnsNull(string pattern)
    {
        Assert.Null(TokenPattern.Parse(pattern, matchCase: false));
    }

    private static bool MatchesAnywhere(TokenPattern pattern, string text)
    {
        for (var end = pattern.Text.Length; end <= text.Length; end++)
        {
            var candidate = text.AsSpan(end - pattern.Text.Length, pattern.Text.Length);
            if (candidate.Equals(pattern.Text, StringComparison.OrdinalIgnoreCase) && pattern.Accepts(text, end))
            {
                return true;
            }
        }

        return false;
    }
}
