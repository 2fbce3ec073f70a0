namespace CommerceGateway.Testing;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds CommerceGateway.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A path under the repository root, from '/'-separated parts.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The shared/ folder beside the repository root (design docs, seeds, specs).</summary>
    public static string SharedPath(params string[] parts) => Path.Combine([Root, "..", "shared", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommerceGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CommerceGateway.sln above {AppContext.BaseDirectory}.");
    }
}
