namespace CommerceGateway.Adapters.Spendgo;

/// <summary>Reads the loyalty API's answers; any unexpected shape is a protocol error naming the field.</summary>
internal static class SpendgoReader
{
    public static LoyaltyBalance Balance(BackendJsonValue root, string memberId) =>
        new(root.Optional("spendgo_id")?.AsText() ?? memberId, root.Required("points").AsDecimal());

    public static List<LoyaltyReward> Rewards(BackendJsonValue root, CurrencyCode fallbackCurrency)
    {
        var currency = root.Optional("currency")?.AsCurrency() ?? fallbackCurrency;
        return
        [
            .. root.Required("rewards").Items().Select(r => new LoyaltyReward(
                r.Required("id").AsText(),
                r.Required("name").AsString(),
                r.Optional("description")?.AsString(),
                r.Optional("minimum_subtotal")?.AsMoney(currency))),
        ];
    }

    /// <summary>The order answer (or the order inside a status refusal), checked against the order sent.</summary>
    public static LoyaltyOrderResult Order(BackendJsonValue order, LoyaltyOrder sent)
    {
        var currency = sent.Subtotal.Currency;
        if (order.Optional("currency") is { } named && named.AsCurrency() != currency)
        {
            throw named.Problem($"expected {currency.Code}, the order's currency");
        }

        var id = order.Required("order_id").AsText();
        if (id != sent.OrderId)
        {
            throw order.Required("order_id").Problem($"expected the order sent ({sent.OrderId})");
        }

        return new LoyaltyOrderResult(
            id,
            StatusOf(order.Required("status")),
            order.Optional("discount")?.AsMoney(currency) ?? Money.Zero(currency),
            order.Optional("points_earned")?.AsDecimal() ?? 0m,
            order.Optional("balance")?.AsDecimal());
    }

    private static LoyaltyOrderStatus StatusOf(BackendJsonValue status)
    {
        var text = status.AsString();
        return Enum.GetValues<LoyaltyOrderStatus>().FirstOrDefault(s => SpendgoOrderBody.Status(s) == text) is var parsed && SpendgoOrderBody.Status(parsed) == text
            ? parsed
            : throw status.Problem($"'{text}' is not an order status");
    }
}
