using CommerceGateway.Testing;

namespace CommerceGateway.Benchmarks;

/// <summary>
/// Writes a "###" subsection of docs/benchmarks.md in place, so benchmarks that share a "##"
/// section (the GraphQL HTTP and micro benchmarks) each replace only their own part.
/// </summary>
internal static class BenchmarksDocument
{
    public static string Path => RepositoryLayout.PathOf("docs", "benchmarks.md");

    /// <summary>
    /// Replaces the subsection whose heading is <paramref name="heading"/> (given as "## Section / ### Sub")
    /// with <paramref name="body"/>, or appends it at the end of the section; a "Not measured yet." line goes.
    /// </summary>
    public static void RecordSubsection(string heading, string body)
    {
        var parts = heading.Split(" / ", 2);
        var (sectionHeading, subHeading) = (parts[0], parts[1]);
        var lines = File.ReadAllLines(Path).ToList();
        var section = lines.FindIndex(l => l.Trim() == sectionHeading);
        if (section < 0)
        {
            throw new InvalidOperationException($"{Path} has no \"{sectionHeading}\" section.");
        }

        var sectionEnd = lines.FindIndex(section + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        sectionEnd = sectionEnd < 0 ? lines.Count : sectionEnd;
        var placeholder = lines.FindIndex(section, sectionEnd - section, l => l.Trim() == "Not measured yet.");
        if (placeholder >= 0)
        {
            lines.RemoveAt(placeholder);
            sectionEnd--;
        }

        var start = lines.FindIndex(section, sectionEnd - section, l => l.Trim() == subHeading);
        int end;
        if (start < 0)
        {
            start = end = sectionEnd;
        }
        else
        {
            end = lines.FindIndex(start + 1, sectionEnd - start - 1, l => l.StartsWith("### ", StringComparison.Ordinal));
            end = end < 0 ? sectionEnd : end;
        }

        lines.RemoveRange(start, end - start);
        lines.InsertRange(start, [subHeading, "", .. body.TrimEnd('\n').Split('\n'), ""]);

        // Exactly one blank line before the heading, whatever surrounded the old text.
        while (lines[start - 1].Length == 0 && lines[start - 2].Length == 0)
        {
            lines.RemoveAt(--start);
        }

        if (lines[start - 1].Length != 0)
        {
            lines.Insert(start, "");
        }

        File.WriteAllText(Path, string.Join('\n', lines).TrimEnd('\n') + "\n");
    }
}
