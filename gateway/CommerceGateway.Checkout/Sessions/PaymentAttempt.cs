using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>
/// A payment submitted to the backend whose outcome the gateway has not learned yet. Stored on the cart
/// before the money call and cleared with its outcome, so a timeout, a lost connection or a replica that
/// died mid-call leaves it behind, and every later payment of the cart, on any replica, asks the backend
/// what it did before charging again.
/// </summary>
/// <param name="Id">The attempt's id, for logs.</param>
/// <param name="Amount">What it asked the backend to take.</param>
/// <param name="Fingerprint">A hash of the request (its idempotency key and payment, the PSP reference included); never the reference itself.</param>
/// <param name="StartedAt">When it was submitted.</param>
internal sealed record PaymentAttempt(string Id, Money Amount, string Fingerprint, DateTimeOffset StartedAt);
