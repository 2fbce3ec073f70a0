using System.Text.Json;
using System.Text.Json.Nodes;
using CommerceGateway.Sandbox.Faults;
using static CommerceGateway.Sandbox.OrderFlow.OrderFlowRequestReader;

namespace CommerceGateway.Sandbox.OrderFlow;

/// <summary>The OrderFlowAPI routes: the four pipeline calls, the email call, and sandbox controls.</summary>
internal static class OrderFlowEndpoints
{
    /// <summary>A payment token the billing partner always declines (Stripe's test token of that name).</summary>
    public const string DeclinedToken = "tok_chargeDeclined";

    private static readonly string[] EmailEvents = ["InvoiceCreated", "PaymentProcessed", "OrderShipped"];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/api/order/cart.json", (JsonElement body, HttpContext http, OrderFlowStore store) => Handle(() =>
        {
            var request = Object(body);
            var order = store.UpdateCart(RequiredText(request, "customerId"), OptionalText(request, "orderId"), Items(request), http.SandboxFault());
            return Json(OrderFlowResponses.Cart(order), StatusCodes.Status201Created);
        }));

        group.MapPost("/api/order/invoice.json", (JsonElement body, OrderFlowStore store) => Handle(() =>
        {
            var request = Object(body);
            var (invoice, created) = store.CreateInvoice(new OrderFlowStore.InvoiceRequest(
                RequiredText(request, "customerId"),
                RequiredText(request, "orderId"),
                RequiredAmount(request, "totalAmount"),
                RequiredAmount(request, "tax"),
                RequiredAmount(request, "subTotalAmount"),
                RequiredText(request, "currency"),
                RequiredText(request, "name"),
                OptionalText(request, "phone"),
                RequiredText(request, "shipping_address")));
            return Json(OrderFlowResponses.Invoice(invoice), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }));

        group.MapPost("/api/order/payment.json", (JsonElement body, HttpContext http, OrderFlowStore store, OrderFlowQuirks quirks) => Handle(() =>
        {
            var request = Object(body);
            var customerId = RequiredText(request, "customerId");
            var fault = http.SandboxFault();
            if (OptionalText(request, "paymentToken") == DeclinedToken)
            {
                fault = fault with { Decline = true };
            }

            var (payment, _) = store.Pay(customerId, RequiredText(request, "invoiceId"), RequiredAmount(request, "totalAmount"), fault);
            var json = OrderFlowResponses.Payment(payment, customerId, quirks.TakeUnquotedCompletedAt(http));
            return Results.Text(json, "application/json", statusCode: StatusCodes.Status201Created);
        }));

        group.MapPost("/api/order/shipping.json", (JsonElement body, OrderFlowStore store) => Handle(() =>
        {
            var request = Object(body);
            RequiredText(request, "name");
            RequiredText(request, "shipping_address");
            var (tracking, created) = store.Ship(RequiredText(request, "orderId"));
            return Json(OrderFlowResponses.Shipping(tracking), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        }));

        // The source documents the email call at the shipping path (a copy-paste defect); it lives here.
        group.MapPost("/api/order/email.json", (JsonElement body, OrderFlowStore store) => Handle(() =>
        {
            var request = Object(body);
            var eventName = RequiredText(request, "event");
            if (!EmailEvents.Contains(eventName, StringComparer.Ordinal))
            {
                throw OrderFlowRequestException.Invalid($"'event' must be one of {string.Join(", ", EmailEvents)}, found '{eventName}'.");
            }

            var email = RequiredText(request, "email");
            if (!email.Contains('@', StringComparison.Ordinal))
            {
                throw OrderFlowRequestException.Invalid("'email' must be an email address.");
            }

            store.SendEmail(eventName, RequiredText(request, "name"), email);
            return Json(OrderFlowResponses.EmailSent(), StatusCodes.Status200OK);
        }));

        MapSandboxControls(group);
    }

    private static void MapSandboxControls(RouteGroupBuilder group)
    {
        group.MapGet("/_outbox", (OrderFlowStore store) => TypedResults.Ok(store.Outbox()));
        group.MapGet("/_quirks", (OrderFlowQuirks quirks) => TypedResults.Ok(quirks.State));
        group.MapPut("/_quirks", (OrderFlowQuirks.QuirkState state, OrderFlowQuirks quirks) =>
        {
            quirks.Set(state);
            return TypedResults.Ok(quirks.State);
        });
        group.MapDelete("/_quirks", (OrderFlowQuirks quirks) =>
        {
            quirks.Set(new OrderFlowQuirks.QuirkState(false));
            return TypedResults.NoContent();
        });
    }

    private static IResult Handle(Func<IResult> handler)
    {
        try
        {
            return handler();
        }
        catch (OrderFlowRequestException e)
        {
            return Json(OrderFlowResponses.Error(e.Error, e.Message), e.Status);
        }
    }

    private static IResult Json(JsonObject body, int status) =>
        Results.Text(OrderFlowResponses.Write(body), "application/json", statusCode: status);
}
