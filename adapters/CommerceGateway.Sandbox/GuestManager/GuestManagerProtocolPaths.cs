namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>Where the Guest Manager API sits below the protocol's prefix.</summary>
internal static class GuestManagerProtocol
{
    public const string BasePath = "/api/public/v2";

    /// <summary>The request's path up to and including the API base path, for the order's links.</summary>
    public static string ApiPrefix(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        var at = path.IndexOf(BasePath, StringComparison.Ordinal);
        return at < 0 ? BasePath : path[..(at + BasePath.Length)];
    }
}
