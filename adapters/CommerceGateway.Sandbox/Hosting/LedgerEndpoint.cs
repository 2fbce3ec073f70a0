using CommerceGateway.Sandbox.Booking;
using CommerceGateway.Sandbox.Example;
using CommerceGateway.Sandbox.GuestManager;
using CommerceGateway.Sandbox.OrderFlow;

namespace CommerceGateway.Sandbox.Hosting;

/// <summary>
/// <c>GET {prefix}/_admin/ledger</c>: every order and seat-holding cart of the booking, OrderFlow,
/// Guest Manager and example backends, with the time they were read. Sandbox-only and without
/// auth, like the fault admin API; a soak reads it at the end to check its invariants.
/// </summary>
internal static class LedgerEndpoint
{
    public static void MapLedger(this RouteGroupBuilder root) =>
        root.MapGet("/_admin/ledger", (IServiceProvider services, TimeProvider time) =>
        {
            var entries = new List<LedgerEntry>();
            entries.AddRange(services.GetService<BookingStore>()?.Ledger() ?? []);
            entries.AddRange(services.GetService<OrderFlowStore>()?.Ledger() ?? []);
            entries.AddRange(services.GetService<GuestManagerStore>()?.Execute(static s => s.Ledger()) ?? []);
            entries.AddRange(services.GetService<ExampleShopStore>()?.Ledger() ?? []);
            return TypedResults.Json(new { readAt = time.GetUtcNow(), entries });
        });
}
