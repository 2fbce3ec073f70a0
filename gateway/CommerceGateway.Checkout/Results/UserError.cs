namespace CommerceGateway.Checkout;

/// <summary>A business failure reported to the client as data (GraphQL <c>userErrors</c>).</summary>
/// <param name="Code">A stable code from <c>CommerceErrorCodes</c> or <see cref="CheckoutErrorCodes"/>.</param>
/// <param name="Message">What went wrong, fit for a front-end developer.</param>
/// <param name="Field">The input field at fault, e.g. "lines[0].quantity", when there is one.</param>
public sealed record UserError(string Code, string Message, string? Field = null);
