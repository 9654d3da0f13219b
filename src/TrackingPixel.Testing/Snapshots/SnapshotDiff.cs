using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TrackingPixel.Testing;

/// <summary>Says how output differs from a snapshot: line by line, and field by field where both lines are JSON
/// objects.</summary>
internal static class SnapshotDiff
{
    private const int MaxLines = 20;
    private const int ShortValue = 120;
    private const int ContextBefore = 40;
    private const int ContextAfter = 60;

    public static string Describe(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var expectedText = Encoding.UTF8.GetString(expected);
        var actualText = Encoding.UTF8.GetString(actual);
        if (expectedText == actualText)
        {
            var at = expected.CommonPrefixLength(actual);
            return $"  the text reads the same but the bytes differ at byte {at}: expected {ByteAt(expected, at)}, "
                + $"actual {ByteAt(actual, at)} (invalid UTF-8 or a byte order mark)";
        }

        var report = new StringBuilder();
        var expectedLines = Lines(expectedText, out var expectedNewline);
        var actualLines = Lines(actualText, out var actualNewline);
        var differing = 0;
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : null;
            var a = i < actualLines.Length ? actualLines[i] : null;
            if (e == a || ++differing > MaxLines)
            {
                continue;
            }

            report.Append("  line ").Append(i + 1).Append(": ");
            if (e is null)
            {
                report.Append("not in the snapshot: ").Append(Excerpt(a!)).Append('\n');
            }
            else if (a is null)
            {
                report.Append("missing from the actual output; the snapshot has ").Append(Excerpt(e)).Append('\n');
            }
            else
            {
                DescribeLine(report, e, a);
            }
        }

        if (differing > MaxLines)
        {
            report.Append("  and ").Append(differing - MaxLines).Append(" more differing lines\n");
        }

        if (expectedNewline != actualNewline)
        {
            report.Append(expectedNewline
                ? "  the snapshot ends with a newline and the actual output does not\n"
                : "  the actual output ends with a newline and the snapshot does not\n");
        }

        return report.ToString().TrimEnd('\n');
    }

    private static void DescribeLine(StringBuilder report, string expected, string actual)
    {
        var fields = FieldDifferences(expected, actual);
        if (fields is null)
        {
            var (e, a) = Excerpts(expected, actual);
            report.Append("expected ").Append(e).Append(", actual ").Append(a).Append('\n');
        }
        else if (fields.Count == 0)
        {
            // Same names and values in the same order: only the writing differs, so show the raw lines escaped.
            var (e, a) = Excerpts(expected, actual);
            report.Append("the same fields, written differently: expected ").Append(e)
                .Append(", actual ").Append(a).Append('\n');
        }
        else
        {
            report.Append(fields.Count).Append(fields.Count == 1 ? " field differs\n" : " fields differ\n");
            foreach (var field in fields)
            {
                report.Append("    ").Append(field).Append('\n');
            }
        }
    }

    /// <returns>The differing fields; <see langword="null"/> when either line is not a JSON object.</returns>
    private static List<string>? FieldDifferences(string expected, string actual)
    {
        if (Properties(expected) is not { } e || Properties(actual) is not { } a)
        {
            return null;
        }

        var differences = new List<string>();
        var actualByName = a.GroupBy(p => p.Name)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var expectedNames = e.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in e.DistinctBy(p => p.Name))
        {
            if (!actualByName.TryGetValue(name, out var other))
            {
                differences.Add($"\"{name}\": missing from the actual record; the snapshot has {Excerpt(value)}");
            }
            else if (other != value)
            {
                var (x, y) = Excerpts(value, other);
                differences.Add($"\"{name}\": expected {x}, actual {y}");
            }
        }

        foreach (var (name, value) in a.DistinctBy(p => p.Name).Where(p => !expectedNames.Contains(p.Name)))
        {
            differences.Add($"\"{name}\": not in the snapshot; the actual record has {Excerpt(value)}");
        }

        if (differences.Count == 0 && !e.Select(p => p.Name).SequenceEqual(a.Select(p => p.Name)))
        {
            differences.Add($"the fields are in another order: expected {string.Join(", ", e.Select(p => p.Name))}; "
                + $"actual {string.Join(", ", a.Select(p => p.Name))}");
        }

        return differences;
    }

    private static List<(string Name, string Value)>? Properties(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? [.. document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetRawText()))]
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string[] Lines(string text, out bool endsWithNewline)
    {
        endsWithNewline = text.EndsWith('\n');
        var body = endsWithNewline ? text[..^1] : text;
        return body.Length == 0 && endsWithNewline ? [""] : body.Split('\n');
    }

    /// <summary>Both texts, cut to the neighbourhood of their first difference when either is long.</summary>
    private static (string Expected, string Actual) Excerpts(string expected, string actual)
    {
        if (expected.Length <= ShortValue && actual.Length <= ShortValue)
        {
            return (Quote(expected), Quote(actual));
        }

        var at = expected.AsSpan().CommonPrefixLength(actual);
        var start = Math.Max(0, at - ContextBefore);
        return (Cut(expected, start), Cut(actual, start));
    }

    private static string Excerpt(string text) => text.Length <= ShortValue ? Quote(text) : Cut(text, 0);

    private static string Cut(string text, int start)
    {
        var length = Math.Min(text.Length - Math.Min(start, text.Length), ContextBefore + ContextAfter);
        var cut = text.Substring(Math.Min(start, text.Length), length);
        var more = start + length < text.Length;
        var quoted = (start > 0 ? "…" : "") + Quote(cut) + (more ? "…" : "");
        return start > 0 || more ? $"{quoted} ({text.Length} chars)" : quoted;
    }

    /// <summary>Shows the text between angle quotes, invisible characters (line endings, tabs, a byte order mark)
    /// escaped.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('«');
        foreach (var c in text)
        {
            _ = c switch
            {
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                _ when char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format =>
                    quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('»').ToString();
    }

    private static string ByteAt(ReadOnlySpan<byte> bytes, int index) =>
        index < bytes.Length ? $"0x{bytes[index]:X2}" : "the end";
}
