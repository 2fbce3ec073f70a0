namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>What a demo channel sells in the standard flow: its items, its currency and whether it ships.</summary>
public sealed record LivescaleChannelCase(string Channel, string Currency, IReadOnlyList<(string Sku, int Quantity)> Items, bool Ships, decimal? ExpectedTotal)
{
    public static LivescaleChannelCase OrderFlow { get; } = new("orderflow-demo", "USD", [("1234", 2), ("2345", 1)], true, 200.00m);

    public static LivescaleChannelCase Example { get; } = new("example-demo", "EUR", [("TEE-M", 2), ("MUG", 1)], false, 52.50m);

    // The total includes the backend's shipping rate and taxes, which the test reads from the basket.
    public static LivescaleChannelCase GuestManager { get; } = new("guestmanager-demo", "USD", [("201", 2)], true, null);

    public static LivescaleChannelCase Of(string channel) => channel switch
    {
        "orderflow-demo" => OrderFlow,
        "example-demo" => Example,
        "guestmanager-demo" => GuestManager,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };
}
