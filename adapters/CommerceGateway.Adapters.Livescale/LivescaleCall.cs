namespace CommerceGateway.Adapters.Livescale;

/// <summary>
/// One call to the merchant server.
/// </summary>
/// <param name="Operation">The unified operation, for logs and metrics.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path relative to the channel's base URL, without a leading slash.</param>
/// <param name="Body">JSON body (serialized as is; use snake_case names), or null.</param>
/// <param name="SafeToRetry">True when repeating the call cannot take stock or money twice.</param>
/// <param name="RefusalCode">The <see cref="CommerceErrorCodes"/> code of a 4xx refusal of this call.</param>
internal sealed record LivescaleCall(
    string Operation,
    HttpMethod Method,
    string Path,
    object? Body = null,
    bool SafeToRetry = false,
    string RefusalCode = CommerceErrorCodes.Rejected);
