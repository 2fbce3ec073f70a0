using System.Globalization;
using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Sandbox.Example;

/// <summary>
/// The shop's state: carts and orders in memory for the life of the process, one lock for all
/// (a sandbox serves a handful of tests, not traffic). Business faults come from <see cref="FaultSpec"/>.
/// </summary>
internal sealed class ExampleShopStore(TimeProvider time)
{
    /// <summary>A payment token the shop's PSP always declines.</summary>
    public const string DeclinedToken = "tok_declined";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ShopCart> _carts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ShopOrder> _orders = new(StringComparer.Ordinal);
    private int _nextCart = 1000;
    private int _nextOrder = 5000;

    public ShopCart CreateCart(string? currency)
    {
        if (currency is null || !ExampleShopCatalog.Currencies.Contains(currency, StringComparer.Ordinal))
        {
            throw ExampleShopException.Unprocessable("unsupported_currency", $"The shop sells in {string.Join(" and ", ExampleShopCatalog.Currencies)} only.");
        }

        lock (_gate)
        {
            var cart = new ShopCart("c" + (++_nextCart).ToString(CultureInfo.InvariantCulture), currency);
            _carts[cart.Id] = cart;
            return cart;
        }
    }

    public ShopCart GetCart(string cartId)
    {
        lock (_gate)
        {
            return Cart(cartId);
        }
    }

    /// <summary>Sets a line's quantity (0 removes it): a PUT, so sending it twice changes nothing.</summary>
    public ShopCart SetLine(string cartId, string sku, int quantity, FaultSpec fault)
    {
        if (quantity < 0)
        {
            throw ExampleShopException.Unprocessable("invalid_quantity", "The quantity must not be negative.");
        }

        var name = ExampleShopCatalog.Find(sku);
        if (quantity > 0 && (fault.SoldOut || sku == ExampleShopCatalog.SoldOutSku))
        {
            throw ExampleShopException.Conflict("sold_out", $"'{name}' is sold out.");
        }

        lock (_gate)
        {
            var cart = Open(cartId);
            cart.Lines.RemoveAll(l => l.Sku == sku);
            if (quantity > 0)
            {
                cart.Lines.Add(new ShopLine(sku, name, quantity, ExampleShopCatalog.Price(sku, cart.Currency)));
            }

            return cart;
        }
    }

    public ShopCart SetEmail(string cartId, string? email)
    {
        if (email is null || !email.Contains('@', StringComparison.Ordinal))
        {
            throw ExampleShopException.Unprocessable("invalid_email", "'email' must be an email address.");
        }

        lock (_gate)
        {
            var cart = Open(cartId);
            cart.Email = email;
            return cart;
        }
    }

    /// <summary>Sets the cart's discount (0 removes it), replacing any set before: a PUT, so sending it twice changes nothing.</summary>
    public ShopCart SetDiscount(string cartId, decimal amount)
    {
        if (amount < 0m)
        {
            throw ExampleShopException.Unprocessable("invalid_amount", "A discount must not be negative.");
        }

        lock (_gate)
        {
            var cart = Open(cartId);
            cart.DiscountSet = amount;
            return cart;
        }
    }

    /// <summary>Authorizes the payment token for the cart's total and turns the cart into an order.</summary>
    public ShopOrder Checkout(string cartId, decimal amount, string? paymentToken, FaultSpec fault)
    {
        lock (_gate)
        {
            var cart = Open(cartId);
            if (cart.Lines.Count == 0)
            {
                throw ExampleShopException.Unprocessable("cart_empty", "An empty cart cannot check out.");
            }

            if (cart.Email is null)
            {
                throw ExampleShopException.Unprocessable("email_required", "Set the customer's email before checkout.");
            }

            if (amount != cart.Total)
            {
                throw ExampleShopException.Unprocessable("amount_mismatch", $"The amount must equal the cart total {Format(cart.Total)}.");
            }

            if (string.IsNullOrWhiteSpace(paymentToken))
            {
                throw ExampleShopException.Unprocessable("payment_token_required", "'paymentToken' is required.");
            }

            if (fault.Decline || paymentToken == DeclinedToken)
            {
                // The cart stays open, so the customer can pay again.
                throw ExampleShopException.PaymentRequired("card_declined", "The card was declined.");
            }

            var order = new ShopOrder("o" + (++_nextOrder).ToString(CultureInfo.InvariantCulture), cart, "auth_" + Guid.NewGuid().ToString("N")[..12], time.GetUtcNow());
            _orders[order.Id] = order;
            cart.OrderId = order.Id;
            return order;
        }
    }

    /// <summary>Every order with what was captured, for the sandbox ledger.</summary>
    public IReadOnlyList<Hosting.LedgerEntry> Ledger()
    {
        lock (_gate)
        {
            return [.. _orders.Values.Select(o => new Hosting.LedgerEntry(
                "example", o.Id, null, o.Status, o.Total, o.Currency, o.Captured, o.Captured > 0m ? 1 : 0,
                _carts.GetValueOrDefault(o.CartId)?.Email, [], null))];
        }
    }

    public ShopOrder GetOrder(string orderId)
    {
        lock (_gate)
        {
            return Order(orderId);
        }
    }

    /// <summary>Captures the authorization, all of it when no amount is given. Captures once.</summary>
    public ShopOrder Capture(string orderId, decimal? amount, FaultSpec fault)
    {
        lock (_gate)
        {
            var order = Order(orderId);
            if (order.Captured > 0m)
            {
                throw ExampleShopException.Conflict("already_captured", $"Order {orderId} is already captured.");
            }

            var capture = amount ?? order.Total;
            if (capture <= 0m || capture > order.Total)
            {
                throw ExampleShopException.Unprocessable("invalid_amount", $"A capture must be more than 0 and at most {Format(order.Total)}.");
            }

            if (fault.CaptureFailure is { } reason)
            {
                throw ExampleShopException.PaymentRequired("capture_failed", reason);
            }

            order.Captured = capture;
            return order;
        }
    }

    public ShopOrder Refund(string orderId, decimal amount)
    {
        lock (_gate)
        {
            var order = Order(orderId);
            if (amount <= 0m || order.Refunded + amount > order.Captured)
            {
                throw ExampleShopException.Unprocessable("refund_exceeds_captured", $"At most {Format(order.Captured - order.Refunded)} can be refunded.");
            }

            order.Refunded += amount;
            return order;
        }
    }

    public static string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private ShopCart Cart(string cartId) =>
        _carts.TryGetValue(cartId, out var cart) ? cart : throw ExampleShopException.NotFound("cart_not_found", $"No cart has the id '{cartId}'.");

    private ShopCart Open(string cartId)
    {
        var cart = Cart(cartId);
        return cart.OrderId is null ? cart : throw ExampleShopException.Conflict("cart_closed", $"Cart {cartId} is already ordered ({cart.OrderId}).");
    }

    private ShopOrder Order(string orderId) =>
        _orders.TryGetValue(orderId, out var order) ? order : throw ExampleShopException.NotFound("order_not_found", $"No order has the id '{orderId}'.");
}
