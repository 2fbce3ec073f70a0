namespace CommerceGateway.Adapters.Tests;

/// <summary>A backend that exposes the HttpClient the SDK built for its channel.</summary>
internal sealed class ProbeBackend(Channel channel, HttpClient http) : CommerceBackend(channel)
{
    public HttpClient Http { get; } = http;

    private Cart Empty(string id) => new() { Id = id, Channel = Channel.Name, Currency = CurrencyCode.Usd, Totals = CartTotals.Zero(CurrencyCode.Usd) };

    public override Task<Cart> CreateCartAsync(CartCreation request, CancellationToken cancellationToken) => Task.FromResult(Empty(request.CartId));

    public override Task<Cart> AddLinesAsync(Cart cart, IReadOnlyList<CartLineInput> lines, CancellationToken cancellationToken) => Task.FromResult(cart);

    public override Task<Cart> UpdateLinesAsync(Cart cart, IReadOnlyList<CartLineUpdate> updates, CancellationToken cancellationToken) => Task.FromResult(cart);

    public override Task<Cart> RemoveLinesAsync(Cart cart, IReadOnlyList<string> lineIds, CancellationToken cancellationToken) => Task.FromResult(cart);

    public override Task<Cart> UpdateBuyerAsync(Cart cart, Buyer buyer, CancellationToken cancellationToken) => Task.FromResult(cart with { Buyer = buyer });

    public override Task<Cart> BeginCheckoutAsync(Cart cart, CancellationToken cancellationToken) => Task.FromResult(cart);

    public override Task<PaymentOutcome> SubmitPaymentAsync(Cart cart, PaymentInstruction payment, CancellationToken cancellationToken) =>
        Task.FromResult(new PaymentOutcome(cart, PaymentStatus.Failed, FailureReason: "probe backends take no payments"));

    public override Task<Order> GetOrderAsync(Order order, CancellationToken cancellationToken) => Task.FromResult(order);
}
