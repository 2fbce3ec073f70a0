using System.Text.Json;

namespace CommerceGateway.Adapters.Example;

/// <summary>
/// Turns the shop's JSON into the unified model. Every field goes through the SDK's
/// <see cref="BackendJsonValue"/>, so a missing or mistyped field becomes a
/// <see cref="BackendProtocolException"/> naming it ("lines[0].unitPrice") rather than a
/// NullReferenceException, and amounts are read exactly as decimals, never as doubles.
/// </summary>
internal static class ExampleShopReader
{
    /// <summary>The cart after a shop call: the shop's lines and totals on top of what the gateway already knew.</summary>
    public static Cart Cart(JsonDocument answer, Cart previous)
    {
        var root = answer.Root(previous.Channel);
        var currency = SameCurrency(root.Required("currency"), previous.Currency);
        var lines = root.Required("lines").Items().Select(l => Line(l, currency)).ToList();
        var total = root.Required("total").AsMoney(currency);
        var zero = Money.Zero(currency);

        // The shop's only discount is the one the gateway sets for a loyalty reward.
        var discount = root.Optional("discount")?.AsMoney(currency) ?? zero;

        // Cross-check what can be checked: a total that disagrees with the lines means we misread the shop.
        var sum = lines.Aggregate(zero, (acc, l) => acc + l.Total);
        if (sum - discount != total)
        {
            throw root.Required("total").Problem($"expected the lines' sum {sum} less the discount {discount}, found {total}");
        }

        var cart = previous with
        {
            Lines = lines,

            // Prices include VAT and the shop does not break it out, so taxes show as zero, included.
            Totals = new CartTotals(sum, discount, zero, zero, total, TaxesIncluded: true, LoyaltyDiscount: discount.Amount > 0m ? discount : null),

            // The only thing the adapter must remember between calls; the gateway stores it with the cart.
            Backend = previous.Backend.With(ExampleShopBackend.ShopCartId, root.Required("id").AsText()),
        };
        return ExampleShopSteps.Refresh(cart);
    }

    /// <summary>An order answer, in the unified vocabulary.</summary>
    public static Order Order(JsonDocument answer, string channel, CurrencyCode currency)
    {
        var root = answer.Root(channel);
        currency = SameCurrency(root.Required("currency"), currency);
        var status = root.Required("status");
        var paymentStatus = status.AsString() switch
        {
            "authorized" => PaymentStatus.Authorized,
            "captured" => PaymentStatus.Paid,
            "partially_refunded" => PaymentStatus.PartiallyRefunded,
            "refunded" => PaymentStatus.Refunded,

            // An unknown status is a protocol change we have not caught up with: say so, do not guess.
            var other => throw status.Problem($"unknown order status \"{other}\""),
        };

        return new Order
        {
            Id = root.Required("id").AsText(),
            Channel = channel,
            Status = OrderStatus.Placed,
            PaymentStatus = paymentStatus,
            Total = root.Required("total").AsMoney(currency),
            AmountPaid = root.Required("captured").AsMoney(currency),
            AmountRefunded = root.Required("refunded").AsMoney(currency),
            PspTransactionId = root.Optional("paymentReference")?.AsText(),
            CreatedAt = root.Optional("createdAt")?.AsDateTime(),
            Lines = [.. root.Required("lines").Items().Select(l =>
            {
                var line = Line(l, currency);
                return new OrderLine(line.Id, line.MerchandiseId, line.Quantity, line.Total, line.Title);
            })],
        };
    }

    private static CartLine Line(BackendJsonValue line, CurrencyCode currency)
    {
        var sku = line.Required("sku").AsText();
        var quantity = line.Required("quantity").AsInt32();
        var unitPrice = line.Required("unitPrice").AsMoney(currency);
        var total = line.Required("total").AsMoney(currency);
        if (total != unitPrice * quantity)
        {
            throw line.Required("total").Problem($"expected {quantity} x {unitPrice}, found {total}");
        }

        // One line per SKU at the shop, so the SKU is a stable line id for the life of the cart.
        return new CartLine
        {
            Id = sku,
            MerchandiseId = sku,
            Title = line.Optional("name")?.AsString(),
            Quantity = quantity,
            UnitPrice = unitPrice,
            Total = total,
        };
    }

    private static CurrencyCode SameCurrency(BackendJsonValue field, CurrencyCode expected)
    {
        var currency = field.AsCurrency();
        return currency == expected ? currency : throw field.Problem($"expected {expected}, found {currency}");
    }
}
