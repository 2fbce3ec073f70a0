namespace CommerceGateway.Sandbox.Hosting;

/// <summary>Reading what every simulated protocol's requests carry.</summary>
internal static class SandboxRequests
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null without one.</summary>
    public static string? BearerToken(this HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
    }
}
