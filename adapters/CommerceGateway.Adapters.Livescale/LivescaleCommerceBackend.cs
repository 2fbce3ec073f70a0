using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.Livescale;

/// <summary>
/// The Livescale Shopping API adapter. In that API the merchant runs the server and Livescale's
/// app is the client; this adapter plays the app and walks the standard flow: token, guest
/// login, basket and items, customer email, shipping address and method, billing address,
/// the LIVESCALE payment method, order creation, then the authorization result (with the PSP
/// transaction id the merchant keeps for refunds) and later the capture result.
/// </summary>
/// <remarks>
/// The protocol has no call to read a basket or an order, to refund or to cancel: refunds are
/// made by the merchant with its PSP using the reported transaction id. So
/// <see cref="GetOrderAsync"/> returns what the adapter last learned, and Refunds and
/// Cancellation are not capabilities of this adapter. The protocol's operations and schemas are
/// stated in <c>Protocol/livescale-shopping-api.openapi.json</c> beside this file (see its README).
/// </remarks>
public sealed partial class LivescaleCommerceBackend : CommerceBackend, IDisposable
{
    /// <summary>What the protocol can do: catalog browsing, shipping, coupons and capture later.</summary>
    public const ChannelCapabilities SupportedCapabilities =
        ChannelCapabilities.ProductCatalog | ChannelCapabilities.Shipping | ChannelCapabilities.DiscountCodes | ChannelCapabilities.CaptureLater;

    /// <summary>The credential holding the client id from the Livescale dashboard.</summary>
    public const string ClientIdCredential = "ClientId";

    /// <summary>The credential holding the client secret from the Livescale dashboard.</summary>
    public const string ClientSecretCredential = "ClientSecret";

    /// <summary>
    /// The channel setting with how long an authorization can be captured (a time span, default
    /// <see cref="DefaultAuthorizationLifetime"/>). The protocol does not say: it is the PSP's and the
    /// card networks' rule, so a merchant whose PSP keeps authorizations shorter or longer sets it.
    /// </summary>
    public const string AuthorizationLifetimeSetting = "AuthorizationLifetime";

    /// <summary>The payment method id Livescale pays with; the merchant must offer it.</summary>
    public const string LivescalePaymentMethod = "LIVESCALE";

    /// <summary>How long an authorization is capturable unless the channel says otherwise: 7 days, the common card-network limit for online authorizations.</summary>
    public static readonly TimeSpan DefaultAuthorizationLifetime = TimeSpan.FromDays(7);

    private readonly LivescaleClient _client;
    private readonly LivescaleAuthorization _authorization;
    private readonly BackendTokenCache _tokens;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // Guest login and basket creation run one at a time per channel: the merchant links the
    // customer_token to the access token, so the basket must be created before the next login.
    private readonly SemaphoreSlim _sessionGate = new(1, 1);

    /// <summary>Creates the backend of one channel (the SDK does this once per channel).</summary>
    public LivescaleCommerceBackend(Channel channel, HttpClient http, TimeProvider time, ILogger<LivescaleCommerceBackend> logger)
        : base(channel)
    {
        _time = time;
        _logger = logger;
        _tokens = new BackendTokenCache(time);
        _client = new LivescaleClient(channel, http, _tokens, logger);
        _authorization = new LivescaleAuthorization(channel.Setting(AuthorizationLifetimeSetting) is { } text
            ? TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var lifetime) && lifetime > TimeSpan.Zero
                ? lifetime
                : throw new InvalidOperationException($"Channels:{channel.Name}:Settings:{AuthorizationLifetimeSetting} must be a positive time span such as 7.00:00:00 (was '{text}').")
            : DefaultAuthorizationLifetime);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _tokens.Dispose();
        _sessionGate.Dispose();
    }

    private async Task<Cart> BasketCallAsync(Cart cart, LivescaleCall call, CancellationToken cancellationToken)
    {
        using var document = await _client.SendAsync(call, cancellationToken);
        return LivescaleBasketReader.Apply(cart, document.Root(Channel.Name));
    }

    private static string BasketPath(Cart cart, string suffix = "") =>
        $"baskets/{Uri.EscapeDataString(BasketId(cart))}{suffix}";

    private static string BasketId(Cart cart) =>
        cart.Backend.Get(LivescaleKeys.BasketId)
        ?? throw new InvalidOperationException("The cart has no Livescale basket: it was not created by the Livescale adapter.");

    private BackendRejectedException Invalid(string message, string? field = null) =>
        new(Channel.Name, CommerceErrorCodes.InvalidInput, message, field: field);
}
