namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>
/// The data both servers serve: plain records, so our engine resolves most fields with its default
/// resolver and graphql-js with its own (the same JSON, camelCased, is handed to the Node server).
/// </summary>
internal static class CheckoutModel
{
    public sealed record Money(int AmountCents, string Currency, string Formatted);

    public sealed record Product(string Id, string Sku, string Name, string? Description, string? ImageUrl, string Category);

    public sealed record CartLine(string Id, int Quantity, Product Product, Money UnitPrice, Money LineTotal);

    public sealed record CartTotals(Money Subtotal, Money Discount, Money Tax, Money Shipping, Money Total);

    public sealed record CheckoutStep(string Kind, string Title, bool Completed, IReadOnlyList<string> Errors);

    public sealed record PaymentMethod(string Id, string Label, string Provider, bool Available);

    public sealed record Checkout(string Id, string Status, string CurrentStep, IReadOnlyList<CheckoutStep> Steps, IReadOnlyList<PaymentMethod> PaymentMethods);

    public sealed record Customer(string Id, string Email, string Name, string? LoyaltyTier);

    public sealed record Cart(
        string Id, string Currency, int ItemCount, IReadOnlyList<CartLine> Lines, CartTotals Totals, Checkout Checkout, Customer? Customer);
}
