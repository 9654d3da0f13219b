using System.Net;

namespace TrackingPixel.AgentReport;

/// <summary>Classifies input lines and counts the outcomes by class and by rule.</summary>
internal sealed class AgentReport(IAgentClassifier classifier)
{
    private readonly Dictionary<string, int> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Class, string Rule), int> _rules = [];
    private int _lines;

    /// <summary>
    /// Classifies one line: a user agent, optionally a tab and a client address; an unparsable address is ignored.
    /// </summary>
    public AgentVerdict Add(string line)
    {
        var tab = line.LastIndexOf('\t');
        var address = tab >= 0 && IPAddress.TryParse(line.AsSpan(tab + 1).Trim(), out var parsed) ? parsed : null;
        var verdict = classifier.Classify(address is null ? line : line[..tab], null, address);
        _lines++;
        _classes[verdict.Class] = _classes.GetValueOrDefault(verdict.Class) + 1;
        var rule = (verdict.Class, verdict.Rule ?? "-");
        _rules[rule] = _rules.GetValueOrDefault(rule) + 1;
        return verdict;
    }

    /// <summary>Writes each class with its share of the lines and its ten most frequent rules.</summary>
    public async Task WriteSummaryAsync(TextWriter output)
    {
        await output.WriteLineAsync($"{_lines} lines");
        foreach (
            var (agentClass, count) in _classes.OrderByDescending(c => c.Value).ThenBy(
                c => c.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"{agentClass,-16} {count,9} {Share(count),8}");
            var top = _rules.Where(r => r.Key.Class == agentClass)
                .OrderByDescending(r => r.Value)
                .ThenBy(r => r.Key.Rule, StringComparer.Ordinal)
                .Take(10);
            foreach (var (rule, ruleCount) in top)
            {
                await output.WriteLineAsync($"    {rule.Rule,-40} {ruleCount,9}");
            }
        }
    }

    private string Share(int count) =>
        _lines == 0 ? "-" : ((double)count / _lines).ToString("P2", System.Globalization.CultureInfo.InvariantCulture);
}
