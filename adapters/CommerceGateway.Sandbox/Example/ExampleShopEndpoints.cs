using System.Globalization;
using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Sandbox.Example;

/// <summary>The ExampleShop routes: carts, checkout and orders. Amounts travel as decimal strings ("40.00").</summary>
internal static class ExampleShopEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/carts", (CreateCartBody body, ExampleShopStore store) =>
            TypedResults.Json(ExampleShopViews.Cart(store.CreateCart(body.Currency)), statusCode: StatusCodes.Status201Created));

        group.MapGet("/carts/{cartId}", (string cartId, ExampleShopStore store) =>
            TypedResults.Ok(ExampleShopViews.Cart(store.GetCart(cartId))));

        group.MapPut("/carts/{cartId}/lines/{sku}", (string cartId, string sku, LineBody body, HttpContext http, ExampleShopStore store) =>
            TypedResults.Ok(ExampleShopViews.Cart(store.SetLine(cartId, sku, body.Quantity, http.SandboxFault()))));

        group.MapDelete("/carts/{cartId}/lines/{sku}", (string cartId, string sku, HttpContext http, ExampleShopStore store) =>
            TypedResults.Ok(ExampleShopViews.Cart(store.SetLine(cartId, sku, 0, http.SandboxFault()))));

        group.MapPut("/carts/{cartId}/customer", (string cartId, CustomerBody body, ExampleShopStore store) =>
            TypedResults.Ok(ExampleShopViews.Cart(store.SetEmail(cartId, body.Email))));

        group.MapPut("/carts/{cartId}/discount", (string cartId, DiscountBody body, ExampleShopStore store) =>
            TypedResults.Ok(ExampleShopViews.Cart(store.SetDiscount(cartId, Amount(body.Amount, "amount")))));

        group.MapDelete("/carts/{cartId}/discount", (string cartId, ExampleShopStore store) =>
            TypedResults.Ok(ExampleShopViews.Cart(store.SetDiscount(cartId, 0m))));

        group.MapPost("/carts/{cartId}/checkout", (string cartId, CheckoutBody body, HttpContext http, ExampleShopStore store) =>
            TypedResults.Json(
                ExampleShopViews.Order(store.Checkout(cartId, Amount(body.Amount, "amount"), body.PaymentToken, http.SandboxFault())),
                statusCode: StatusCodes.Status201Created));

        group.MapGet("/orders/{orderId}", (string orderId, ExampleShopStore store) =>
            TypedResults.Ok(ExampleShopViews.Order(store.GetOrder(orderId))));

        group.MapPost("/orders/{orderId}/capture", (string orderId, CaptureBody? body, HttpContext http, ExampleShopStore store) =>
            TypedResults.Ok(ExampleShopViews.Order(store.Capture(orderId, body?.Amount is null ? null : Amount(body.Amount, "amount"), http.SandboxFault()))));

        group.MapPost("/orders/{orderId}/refunds", (string orderId, RefundBody body, ExampleShopStore store) =>
            TypedResults.Json(ExampleShopViews.Order(store.Refund(orderId, Amount(body.Amount, "amount"))), statusCode: StatusCodes.Status201Created));
    }

    private static decimal Amount(string? text, string name) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw ExampleShopException.Unprocessable("invalid_amount", $"'{name}' must be a decimal string such as \"40.00\".");

    internal sealed record CreateCartBody(string? Currency);

    internal sealed record LineBody(int Quantity);

    internal sealed record CustomerBody(string? Email);

    internal sealed record DiscountBody(string? Amount);

    internal sealed record CheckoutBody(string? Amount, string? PaymentToken);

    internal sealed record CaptureBody(string? Amount);

    internal sealed record RefundBody(string? Amount, string? Reason);
}
