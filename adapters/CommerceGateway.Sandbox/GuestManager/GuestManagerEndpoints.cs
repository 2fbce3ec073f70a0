using System.Text.Json;
using CommerceGateway.Sandbox.Faults;

namespace CommerceGateway.Sandbox.GuestManager;

/// <summary>The public v2 API's order and checkout routes, under <c>/api/public/v2</c>.</summary>
internal static class GuestManagerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/orders", CreateOrderAsync);
        api.MapGet("/orders/{id:long}", (long id, HttpContext http, GuestManagerStore store) =>
            Run(http, store, s => s.Find(id), 200));
        api.MapPatch("/orders/{id:long}", UpdateOrderAsync);
        api.MapPost("/orders/{id:long}/line_items/add", (long id, HttpContext http, GuestManagerStore store) => ChangeLineAsync(id, http, store, add: true));
        api.MapPost("/orders/{id:long}/line_items/remove", (long id, HttpContext http, GuestManagerStore store) => ChangeLineAsync(id, http, store, add: false));
        api.MapPatch("/orders/{id:long}/apply_coupon_code", (long id, HttpContext http, GuestManagerStore store) => CouponAsync(id, http, store, apply: true));
        api.MapPatch("/orders/{id:long}/remove_coupon_code", (long id, HttpContext http, GuestManagerStore store) => CouponAsync(id, http, store, apply: false));
        api.MapPatch("/checkout/{id:long}/next", NextAsync);
        api.MapPatch("/checkout/{id:long}", UpdateCheckoutAsync);
        api.MapPatch("/checkout/{number}/resume", (string number, HttpContext http, GuestManagerStore store) =>
            Run(http, store, s =>
            {
                var order = s.FindByNumber(number);
                GuestManagerCheckout.Resume(s, order, http.SandboxFault());
                return order;
            }, 200));
    }

    private static async Task<IResult> CreateOrderAsync(HttpContext http, GuestManagerStore store)
    {
        var body = await ReadAsync(http);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var data = GmRequest.OrderOf(body.Value);
        return Run(http, store, s =>
        {
            var currency = (GmRequest.Text(data, "currency") ?? "USD").ToUpperInvariant();
            if (!s.Catalog.Currencies.Contains(currency))
            {
                throw GmError.Validation("currency", "invalid", $"must be one of {string.Join(", ", s.Catalog.Currencies.Order(StringComparer.Ordinal))}");
            }

            var lines = GmRequest.LineItems(data);
            var order = s.Add(currency, !GmRequest.Has(data, "guest_checkout") || GmRequest.Bool(data, "guest_checkout"));
            try
            {
                SetGuest(order, data);
                GuestManagerLines.Set(s, order, lines, replaceAll: false, http.SandboxFault().SoldOut);
            }
            catch (GmError)
            {
                s.Remove(order);
                throw;
            }

            return order;
        }, 201);
    }

    private static async Task<IResult> UpdateOrderAsync(long id, HttpContext http, GuestManagerStore store)
    {
        var body = await ReadAsync(http);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var data = GmRequest.OrderOf(body.Value);
        return Run(http, store, s =>
        {
            var order = s.Find(id);
            GuestManagerLines.EnsureModifiable(order);
            if (GmRequest.Has(data, "line_items"))
            {
                GuestManagerLines.Set(s, order, GmRequest.LineItems(data), replaceAll: true, http.SandboxFault().SoldOut);
            }

            SetGuest(order, data);
            return order;
        }, 200);
    }

    private static async Task<IResult> ChangeLineAsync(long id, HttpContext http, GuestManagerStore store, bool add)
    {
        var body = await ReadAsync(http);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var data = GmRequest.Get(body.Value, "line_item") ?? body.Value;
        return Run(http, store, s =>
        {
            var order = s.Find(id);
            var (variantId, quantity) = GmRequest.LineItem(data, "line_item");
            var current = order.LineItems.FirstOrDefault(l => l.Variant.Id == variantId)?.Quantity ?? 0;
            if (!add && current == 0)
            {
                throw GmError.Validation("line_item.variant_id", "invalid", "is not on this order");
            }

            var target = add ? current + quantity : Math.Max(0, current - quantity);
            GuestManagerLines.Set(s, order, [(variantId, target)], replaceAll: false, http.SandboxFault().SoldOut);
            return order;
        }, 200);
    }

    private static async Task<IResult> CouponAsync(long id, HttpContext http, GuestManagerStore store, bool apply)
    {
        var body = await ReadAsync(http);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var code = GmRequest.Text(GmRequest.OrderOf(body.Value), "coupon_code") ?? GmRequest.Text(body.Value, "coupon_code");
        return Run(http, store, s =>
        {
            var order = s.Find(id);
            GuestManagerLines.EnsureModifiable(order);
            if (string.IsNullOrWhiteSpace(code))
            {
                throw GmError.Validation("coupon_code", "blank", "can't be blank");
            }

            var existing = order.CouponCodes.FirstOrDefault(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase));
            if (apply && existing is null)
            {
                if (GuestManagerCatalog.CouponDiscount(code, 0m) is null)
                {
                    throw GmError.Validation("coupon_code", "invalid", "The coupon code you entered doesn't exist.");
                }

                order.CouponCodes.Add(code.ToUpperInvariant());
            }
            else if (!apply && existing is not null)
            {
                order.CouponCodes.Remove(existing);
            }

            if (order.State != GmStates.Cart)
            {
                // The total changed, so the steps may have (a free order has no payment step).
                order.CheckoutSteps = GuestManagerCheckout.ComputeSteps(s, order, order.CheckoutSteps.Contains(GmStates.Email));
                if (!order.CheckoutSteps.Contains(order.State))
                {
                    order.State = order.CheckoutSteps[0];
                }
            }

            return order;
        }, 200);
    }

    private static async Task<IResult> NextAsync(long id, HttpContext http, GuestManagerStore store)
    {
        var body = await ReadAsync(http);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var target = GmRequest.Text(body.Value, "state") ?? GmRequest.Text(GmRequest.OrderOf(body.Value), "state");
        return Run(http, store, s =>
        {
            var order = s.Find(id);
            GuestManagerCheckout.Next(s, order, target, http.SandboxFault());
            return order;
        }, 200);
    }

    private static async Task<IResult> UpdateCheckoutAsync(long id, HttpContext http, GuestManagerStore store)
    {
        var body = await ReadAsync(http);
        if (body.Error is not null)
        {
            return body.Error;
        }

        return Run(http, store, s =>
        {
            var order = s.Find(id);
            GuestManagerCheckout.Update(s, order, GmRequest.OrderOf(body.Value), http.SandboxFault());
            return order;
        }, 200);
    }

    private static void SetGuest(GmOrder order, JsonElement data)
    {
        GuestManagerStepData.ApplyGuest(order, data);
        if (order.Email is not null && !GmRequest.IsEmail(order.Email))
        {
            throw GmError.Validation("email", "invalid", "is not an email address");
        }
    }

    private static IResult Run(HttpContext http, GuestManagerStore store, Func<GuestManagerStore, GmOrder> work, int status)
    {
        try
        {
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{GuestManagerProtocol.ApiPrefix(http)}";
            var json = store.Execute(s => GuestManagerJson.Order(s, work(s), baseUrl));
            return TypedResults.Json(json, statusCode: status);
        }
        catch (GmError e)
        {
            return e.ToResult();
        }
    }

    private static async Task<(JsonElement Value, IResult? Error)> ReadAsync(HttpContext http)
    {
        try
        {
            return (await GmRequest.ReadBodyAsync(http.Request, http.RequestAborted), null);
        }
        catch (GmError e)
        {
            return (default, e.ToResult());
        }
    }
}
