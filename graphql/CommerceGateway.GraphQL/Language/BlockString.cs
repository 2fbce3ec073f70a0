using System.Text;

namespace CommerceGateway.GraphQL.Language;

/// <summary>The spec's BlockStringValue() algorithm and its inverse for printing.</summary>
internal static class BlockString
{
    public static string Dedent(string raw)
    {
        var lines = SplitLines(raw);
        int? commonIndent = null;
        int? first = null;
        var last = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var indent = LeadingWhitespace(line);
            if (indent == line.Length)
            {
                continue;
            }

            first ??= i;
            last = i;
            if (i != 0 && (commonIndent is null || indent < commonIndent))
            {
                commonIndent = indent;
            }
        }

        if (first is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        for (var i = first.Value; i <= last; i++)
        {
            if (i > first.Value)
            {
                builder.Append('\n');
            }

            var line = lines[i];
            builder.Append(i == 0 || commonIndent is null ? line : line[Math.Min(commonIndent.Value, line.Length)..]);
        }

        return builder.ToString();
    }

    /// <summary>Prints <paramref name="value"/> as a block string the way graphql-js does, so SDL output matches.</summary>
    public static string Print(string value, bool minimize = false)
    {
        var escaped = value.Replace("\"\"\"", "\\\"\"\"", StringComparison.Ordinal);
        var lines = SplitLines(escaped);
        var isSingleLine = lines.Count == 1;
        var forceLeadingNewLine = lines.Count > 1 && lines.Skip(1).All(l => l.Length == 0 || IsWhitespace(l[0]));
        var hasTrailingTripleQuotes = escaped.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !minimize
            && (!isSingleLine || value.Length > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuotes);
        var result = new StringBuilder("\"\"\"");
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && IsWhitespace(value[0]);
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine)
        {
            result.Append('\n');
        }

        result.Append(escaped);
        if (printAsMultipleLines || forceTrailingNewLine)
        {
            result.Append('\n');
        }

        return result.Append("\"\"\"").ToString();
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t';

    private static int LeadingWhitespace(string line)
    {
        var i = 0;
        while (i < line.Length && IsWhitespace(line[i]))
        {
            i++;
        }

        return i;
    }

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }
}
