using CommerceGateway.GraphQL.Types;
using static CommerceGateway.Benchmarks.GraphQL.CheckoutModel;

namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>
/// A schema shaped like the storefront's checkout page, built code-first. Its SDL (printed by our
/// exporter) is what the Node server builds its schema from, so both serve exactly the same types.
/// </summary>
internal static class CheckoutSchema
{
    public static Schema Create() => new SchemaBuilder()
        .Query(q => q
            .Field("cart", "Cart", f => f.Argument("id", "ID!").Resolve(c => (string)c.Arguments["id"]! == CheckoutData.CartId ? CheckoutData.Cart : null)))
        .Type("Cart", o => o
            .Field("id", "ID!")
            .Field("currency", "String!")
            .Field("itemCount", "Int!")
            .Field("lines", "[CartLine!]!", f => f.Argument("first", "Int").Resolve(c =>
            {
                var lines = ((Cart)c.Parent!).Lines;
                return c.Argument<int?>("first") is { } first ? lines.Take(first) : lines;
            }))
            .Field("totals", "CartTotals!")
            .Field("checkout", "Checkout!")
            .Field("customer", "Customer"))
        .Type("CartLine", o => o
            .Field("id", "ID!")
            .Field("quantity", "Int!")
            .Field("product", "Product!")
            .Field("unitPrice", "Money!")
            .Field("lineTotal", "Money!"))
        .Type("Product", o => o
            .Field("id", "ID!")
            .Field("sku", "String!")
            .Field("name", "String!")
            .Field("description", "String")
            .Field("imageUrl", "String")
            .Field("category", "ProductCategory!"))
        .Type("Money", o => o
            .Field("amountCents", "Int!")
            .Field("currency", "String!")
            .Field("formatted", "String!"))
        .Type("CartTotals", o => o
            .Field("subtotal", "Money!")
            .Field("discount", "Money!")
            .Field("tax", "Money!")
            .Field("shipping", "Money!")
            .Field("total", "Money!"))
        .Type("Checkout", o => o
            .Field("id", "ID!")
            .Field("status", "CheckoutStatus!")
            .Field("currentStep", "CheckoutStepKind!")
            .Field("steps", "[CheckoutStep!]!")
            .Field("paymentMethods", "[PaymentMethod!]!"))
        .Type("CheckoutStep", o => o
            .Field("kind", "CheckoutStepKind!")
            .Field("title", "String!")
            .Field("completed", "Boolean!")
            .Field("errors", "[String!]!"))
        .Type("PaymentMethod", o => o
            .Field("id", "ID!")
            .Field("label", "String!")
            .Field("provider", "String!")
            .Field("available", "Boolean!"))
        .Type("Customer", o => o
            .Field("id", "ID!")
            .Field("email", "String!")
            .Field("name", "String!")
            .Field("loyaltyTier", "String"))
        .Enum("ProductCategory", e => e.Value("TICKET").Value("MERCH"))
        .Enum("CheckoutStatus", e => e.Value("OPEN").Value("PAYING").Value("COMPLETED"))
        .Enum("CheckoutStepKind", e => e.Value("CONTACT").Value("SHIPPING").Value("PAYMENT").Value("REVIEW"))
        .Build();
}
