namespace CommerceGateway.Adapters;

/// <summary>One step of a cart's checkout and what it still needs.</summary>
/// <param name="Kind">Which step.</param>
/// <param name="Completed">True when the backend has everything this step asks for.</param>
/// <param name="Missing">Names of the inputs still missing, e.g. "buyer.email", "attendees".</param>
public sealed record CheckoutStep(CheckoutStepKind Kind, bool Completed, IReadOnlyList<string> Missing)
{
    /// <summary>A finished step.</summary>
    public static CheckoutStep Done(CheckoutStepKind kind) => new(kind, true, []);

    /// <summary>A step that still needs <paramref name="missing"/>.</summary>
    public static CheckoutStep Needs(CheckoutStepKind kind, params string[] missing) => new(kind, missing.Length == 0, missing);
}
