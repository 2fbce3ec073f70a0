namespace CommerceGateway.Soak.Buyers;

/// <summary>An error a buyer saw, with whether it is one of ours (a code and our own sentence).</summary>
/// <param name="Operation">The mutation or query.</param>
/// <param name="Code">Our code, or what stood in for it (e.g. HTTP_500) when there was none.</param>
/// <param name="Message">The message the caller read.</param>
/// <param name="Typed">Whether it is a typed error of ours.</param>
public sealed record CallerError(string Operation, string Code, string Message, bool Typed);
