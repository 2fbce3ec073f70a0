namespace CommerceGateway.Gateway.Operations;

/// <summary>The one rule for configurable endpoint paths, shared by the operations validators.</summary>
internal static class OperationsPaths
{
    public static bool IsValid(string? path) =>
        !string.IsNullOrWhiteSpace(path)
        && path.StartsWith('/')
        && path.Length >= 2
        && !path.EndsWith('/')
        && !path.Contains('?', StringComparison.Ordinal)
        && !path.Contains('{', StringComparison.Ordinal)
        && !path.Any(char.IsWhiteSpace);
}
