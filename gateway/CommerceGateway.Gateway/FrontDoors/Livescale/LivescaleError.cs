namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>The body of every error answer but the token endpoint's (which is RFC 6749's).</summary>
/// <param name="Error">A stable code, e.g. <c>not_supported</c>.</param>
/// <param name="Message">What went wrong, naming the channel when the channel is the reason.</param>
internal sealed record LivescaleError(string Error, string Message);
