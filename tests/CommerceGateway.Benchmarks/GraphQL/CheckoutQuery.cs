namespace CommerceGateway.Benchmarks.GraphQL;

/// <summary>
/// The checkout page's query: about 60 selected fields (two fragments spread eight times), three
/// variables, a directive and a field argument, as a storefront would send it.
/// </summary>
internal static class CheckoutQuery
{
    public const string OperationName = "CheckoutPage";

    public const string Text = """
        query CheckoutPage($cartId: ID!, $lineCount: Int = 10, $withCustomer: Boolean!) {
          cart(id: $cartId) {
            id
            currency
            itemCount
            lines(first: $lineCount) {
              id
              quantity
              product { ...ProductSummary }
              unitPrice { ...MoneyFields }
              lineTotal { ...MoneyFields }
            }
            totals {
              subtotal { ...MoneyFields }
              discount { ...MoneyFields }
              tax { ...MoneyFields }
              shipping { ...MoneyFields }
              total { ...MoneyFields }
            }
            checkout {
              id
              status
              currentStep
              steps { kind title completed errors }
              paymentMethods { id label provider available }
            }
            customer @include(if: $withCustomer) { id email name loyaltyTier }
          }
        }

        fragment ProductSummary on Product { id sku name description imageUrl category }

        fragment MoneyFields on Money { amountCents currency formatted }
        """;

    /// <summary>The variables as a client sends them (JSON) and as the engine receives them (plain values).</summary>
    public static IReadOnlyDictionary<string, object?> Variables { get; } = new Dictionary<string, object?>
    {
        ["cartId"] = CheckoutData.CartId,
        ["lineCount"] = 10L,
        ["withCustomer"] = true,
    };
}
