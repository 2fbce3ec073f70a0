using System.Globalization;
using static CommerceGateway.Benchmarks.GraphQL.CheckoutModel;

namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>One checkout-sized cart: three lines, five totals, four steps, three payment methods.</summary>
internal static class CheckoutData
{
    public const string CartId = "cart-42";

    public static readonly Cart Cart = Build();

    private static Cart Build()
    {
        Product[] products =
        [
            new("p-1", "TCK-GA-01", "General admission", "Standing, all day", "https://img.example/ga.png", "TICKET"),
            new("p-2", "TCK-VIP-01", "VIP seat, row B", null, "https://img.example/vip.png", "TICKET"),
            new("p-3", "MRC-TEE-M", "Festival T-shirt (M)", "Organic cotton", null, "MERCH"),
        ];
        int[] quantities = [2, 1, 3];
        int[] prices = [4500, 12900, 2500];
        var lines = products.Select((p, i) => new CartLine($"line-{i + 1}", quantities[i], p, Eur(prices[i]), Eur(prices[i] * quantities[i]))).ToList();
        var subtotal = lines.Sum(l => l.LineTotal.AmountCents);
        var totals = new CartTotals(Eur(subtotal), Eur(-1000), Eur(2470), Eur(0), Eur(subtotal - 1000 + 2470));
        var checkout = new CheckoutModel.Checkout(
            "chk-42",
            "OPEN",
            "PAYMENT",
            [
                new("CONTACT", "Your details", true, []),
                new("SHIPPING", "Delivery", true, []),
                new("PAYMENT", "Payment", false, ["Choose a payment method."]),
                new("REVIEW", "Review and pay", false, []),
            ],
            [
                new("pm-card", "Card", "livescale", true),
                new("pm-wallet", "Wallet", "livescale", true),
                new("pm-invoice", "Invoice", "orderflow", false),
            ]);
        var customer = new Customer("cus-7", "ada@example.com", "Ada Lovelace", "GOLD");
        return new Cart(CartId, "EUR", quantities.Sum(), lines, totals, checkout, customer);
    }

    // Formatted here, once, so both servers return the same text (no culture rules on either side).
    private static Money Eur(int cents) =>
        new(cents, "EUR", string.Create(CultureInfo.InvariantCulture, $"{(cents < 0 ? "-" : "")}EUR {Math.Abs(cents) / 100}.{Math.Abs(cents) % 100:00}"));
}
