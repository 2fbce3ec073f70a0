namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>Finds an executable on PATH, as a shell would.</summary>
internal static class ToolPath
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
