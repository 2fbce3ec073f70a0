using CommerceGateway.Adapters;
using Microsoft.Extensions.Options;
using static CommerceGateway.Checkout.CheckoutFailures;

namespace CommerceGateway.Checkout;

/// <summary>
/// Carts and their checkout: create and read a cart, change its lines, buyer, addresses, shipping,
/// attendees, form answers and discount codes, begin and resume its checkout. Inputs are checked
/// before the backend is called; every change runs under the cart's lock with an optimistic version,
/// so any replica continues any cart. Business failures come back as <see cref="UserError"/>s; faults
/// (backend or state store down) propagate as exceptions.
/// </summary>
public sealed class CartService
{
    private const int MaxQuantity = 100;

    private readonly IChannelRegistry _channels;
    private readonly SessionDocuments _documents;
    private readonly CartSessions _carts;
    private readonly CartRewards _rewards;
    private readonly PaymentOutcomes _payments;
    private readonly CheckoutOptions _options;

    internal CartService(IChannelRegistry channels, SessionDocuments documents, CartSessions carts, CartRewards rewards, PaymentOutcomes payments, IOptions<CheckoutOptions> options)
    {
        _channels = channels;
        _documents = documents;
        _carts = carts;
        _rewards = rewards;
        _payments = payments;
        _options = options.Value;
    }

    /// <summary>Creates an empty cart on a commerce channel, owned by <paramref name="client"/>.</summary>
    public async Task<CheckoutResult<Cart>> CreateCartAsync(ClientContext client, string channel, string? currency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!_channels.TryGetChannel(channel, out var found) || _channels.TryGetBackend(found) is not { } backend)
        {
            return CheckoutResult.Fail<Cart>(CheckoutErrorCodes.NotFound, $"There is no commerce channel named '{channel}'.", "channel");
        }

        CurrencyCode code;
        if (currency is not null)
        {
            if (!CurrencyCode.TryParse(currency, out code))
            {
                return CheckoutResult.Fail<Cart>(CommerceErrorCodes.InvalidInput, $"'{currency}' is not an ISO 4217 currency code.", "currency");
            }
        }
        else if (found.DefaultCurrency is { } fallback)
        {
            code = fallback;
        }
        else
        {
            return CheckoutResult.Fail<Cart>(CommerceErrorCodes.InvalidInput, $"Channel '{found.Name}' has no default currency; give one.", "currency");
        }

        try
        {
            var cart = await backend.CreateCartAsync(new CartCreation(SecureIds.New("cart"), code), cancellationToken);
            var session = new CartSession(cart with { Channel = found.Name }, client.ClientId);
            var version = await _documents.PutAsync(SessionDocuments.CartKey(cart.Id), session, 0, _options.CartLifetime, cancellationToken);
            return CheckoutResult.Ok<Cart>(session.Cart with { Version = version });
        }
        catch (CommerceException e) when (!e.IsFault)
        {
            return Fail<Cart>(e);
        }
    }

    /// <summary>
    /// The cart, or null when it does not exist or belongs to another client. A cart whose payment is
    /// processing is brought up to date first; an expired one says so.
    /// </summary>
    public Task<Cart?> GetCartAsync(ClientContext client, string cartId, CancellationToken cancellationToken) =>
        _payments.GetCartAsync(client, cartId, cancellationToken);

    /// <summary>Adds lines (merchandise or seats).</summary>
    public Task<CheckoutResult<Cart>> AddLinesAsync(ClientContext client, string cartId, IReadOnlyList<CartLineInput> lines, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var errors = new List<UserError>();
        if (lines.Count == 0)
        {
            errors.Add(new UserError(CommerceErrorCodes.InvalidInput, "Give at least one line.", "lines"));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line.MerchandiseId))
            {
                errors.Add(new UserError(CommerceErrorCodes.InvalidInput, "A merchandise id is required.", $"lines[{i}].merchandiseId"));
            }

            if (line.Quantity is < 1 or > MaxQuantity)
            {
                errors.Add(new UserError(CommerceErrorCodes.InvalidInput, $"Quantity must be between 1 and {MaxQuantity}.", $"lines[{i}].quantity"));
            }

            if (line.SeatIds is { Count: > 0 } seats && (seats.Count != line.Quantity || line.SessionId is null))
            {
                errors.Add(new UserError(CommerceErrorCodes.InvalidInput, "Chosen seats need a session, and the quantity must equal the number of seats.", $"lines[{i}].seatIds"));
            }
        }

        return errors.Count > 0
            ? Task.FromResult(CheckoutResult.Fail<Cart>(errors))
            : ChangeCartWithLoyaltyAsync(client, cartId, expectedVersion, (b, c, ct) => b.AddLinesAsync(c, lines, ct), cancellationToken);
    }

    /// <summary>Changes line quantities (zero removes).</summary>
    public Task<CheckoutResult<Cart>> UpdateLinesAsync(ClientContext client, string cartId, IReadOnlyList<CartLineUpdate> updates, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var bad = updates.Select((u, i) => (u, i)).FirstOrDefault(x => x.u.Quantity is < 0 or > MaxQuantity);
        return bad.u is not null
            ? Task.FromResult(CheckoutResult.Fail<Cart>(CommerceErrorCodes.InvalidInput, $"Quantity must be between 0 and {MaxQuantity}.", $"lines[{bad.i}].quantity"))
            : ChangeCartWithLoyaltyAsync(client, cartId, expectedVersion, (b, c, ct) => UnknownLine(c, updates.Select(u => u.LineId)) ?? b.UpdateLinesAsync(c, updates, ct), cancellationToken);
    }

    /// <summary>Removes lines.</summary>
    public Task<CheckoutResult<Cart>> RemoveLinesAsync(ClientContext client, string cartId, IReadOnlyList<string> lineIds, long? expectedVersion, CancellationToken cancellationToken) =>
        ChangeCartWithLoyaltyAsync(client, cartId, expectedVersion, (b, c, ct) => UnknownLine(c, lineIds) ?? b.RemoveLinesAsync(c, lineIds, ct), cancellationToken);

    /// <summary>Sets the buyer (guest email, names, phone).</summary>
    public Task<CheckoutResult<Cart>> UpdateBuyerAsync(ClientContext client, string cartId, Buyer buyer, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        return buyer.Email is { } email && !LooksLikeEmail(email)
            ? Task.FromResult(CheckoutResult.Fail<Cart>(CommerceErrorCodes.InvalidInput, "The email address is not valid.", "buyer.email"))
            : _carts.ChangeCartAsync(client, cartId, expectedVersion, (b, c, ct) => b.UpdateBuyerAsync(c, buyer, ct), cancellationToken);
    }

    /// <summary>Sets shipping and/or billing addresses.</summary>
    public Task<CheckoutResult<Cart>> UpdateAddressesAsync(ClientContext client, string cartId, Address? shipping, Address? billing, long? expectedVersion, CancellationToken cancellationToken)
    {
        var invalid = new[] { ("shippingAddress", shipping), ("billingAddress", billing) }
            .FirstOrDefault(a => a.Item2 is { } address && (address.CountryCode.Length != 2 || !address.CountryCode.All(char.IsAsciiLetterUpper)));
        return invalid.Item2 is not null
            ? Task.FromResult(CheckoutResult.Fail<Cart>(CommerceErrorCodes.InvalidInput, "Country codes are ISO 3166-1 alpha-2, upper case (e.g. \"US\").", invalid.Item1 + ".countryCode"))
            : _carts.ChangeCartAsync(client, cartId, expectedVersion, (b, c, ct) => b.UpdateAddressesAsync(c, shipping, billing, ct), cancellationToken);
    }

    /// <summary>Chooses a shipping method.</summary>
    public Task<CheckoutResult<Cart>> SelectShippingOptionAsync(ClientContext client, string cartId, string optionId, long? expectedVersion, CancellationToken cancellationToken) =>
        _carts.ChangeCartAsync(client, cartId, expectedVersion, (b, c, ct) => b.SelectShippingOptionAsync(c, optionId, ct), cancellationToken);

    /// <summary>The shipping methods the backend offers for the cart.</summary>
    public async Task<CheckoutResult<IReadOnlyList<ShippingOption>>> GetShippingOptionsAsync(ClientContext client, string cartId, CancellationToken cancellationToken)
    {
        var session = await _carts.LoadCartAsync(client, cartId, cancellationToken);
        if (session is null)
        {
            return NotFound<IReadOnlyList<ShippingOption>>("cart", cartId);
        }

        try
        {
            var options = await _channels.GetCommerceBackend(session.Cart.Channel).GetShippingOptionsAsync(session.Cart, cancellationToken);
            return CheckoutResult.Ok<IReadOnlyList<ShippingOption>>(options);
        }
        catch (CommerceException e) when (!e.IsFault)
        {
            return Fail<IReadOnlyList<ShippingOption>>(e);
        }
    }

    /// <summary>Names ticket attendees.</summary>
    public Task<CheckoutResult<Cart>> UpdateAttendeesAsync(ClientContext client, string cartId, IReadOnlyList<Attendee> attendees, long? expectedVersion, CancellationToken cancellationToken) =>
        _carts.ChangeCartAsync(client, cartId, expectedVersion, (b, c, ct) => b.UpdateAttendeesAsync(c, attendees, ct), cancellationToken);

    /// <summary>Answers the backend's form.</summary>
    public Task<CheckoutResult<Cart>> UpdateFormAnswersAsync(ClientContext client, string cartId, IReadOnlyList<FormAnswer> answers, long? expectedVersion, CancellationToken cancellationToken) =>
        _carts.ChangeCartAsync(client, cartId, expectedVersion, (b, c, ct) => b.UpdateFormAnswersAsync(c, answers, ct), cancellationToken);

    /// <summary>Applies a discount code.</summary>
    public Task<CheckoutResult<Cart>> ApplyDiscountCodeAsync(ClientContext client, string cartId, string code, long? expectedVersion, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 64
            ? Task.FromResult(CheckoutResult.Fail<Cart>(CommerceErrorCodes.InvalidInput, "A discount code is 1 to 64 characters.", "code"))
            : ChangeCartWithLoyaltyAsync(client, cartId, expectedVersion, (b, c, ct) => b.ApplyDiscountCodeAsync(c, code.Trim(), ct), cancellationToken);

    /// <summary>Removes a discount code.</summary>
    public Task<CheckoutResult<Cart>> RemoveDiscountCodeAsync(ClientContext client, string cartId, string code, long? expectedVersion, CancellationToken cancellationToken) =>
        ChangeCartWithLoyaltyAsync(client, cartId, expectedVersion, (b, c, ct) => b.RemoveDiscountCodeAsync(c, code, ct), cancellationToken);

    /// <summary>Begins checkout: the cart then lists the backend's steps.</summary>
    public Task<CheckoutResult<Cart>> BeginCheckoutAsync(ClientContext client, string cartId, long? expectedVersion, CancellationToken cancellationToken) =>
        _carts.ChangeCartAsync(
            client,
            cartId,
            expectedVersion,
            (b, c, ct) => c.Lines.Count == 0
                ? Task.FromException<Cart>(new BackendRejectedException(c.Channel, CommerceErrorCodes.InvalidStep, "The cart is empty.", field: "cartId"))
                : b.BeginCheckoutAsync(c, ct),
            cancellationToken);

    /// <summary>Resumes an expired checkout; SOLD_OUT when the items cannot be held again.</summary>
    public Task<CheckoutResult<Cart>> ResumeCheckoutAsync(ClientContext client, string cartId, long? expectedVersion, CancellationToken cancellationToken) =>
        ResumeCheckoutAsync(client, cartId, expectedVersion, CheckoutResumeOptions.Default, cancellationToken);

    /// <summary>
    /// Resumes an expired checkout, holding the same items again or, where <paramref name="options"/>
    /// allow it, the best available seats of the same rates; SOLD_OUT when neither can be held. The
    /// backend prices what it holds again, so the cart's total is the one the next payment must equal.
    /// A paid cart is INVALID_STEP: resuming it must never lead to a second charge.
    /// </summary>
    public Task<CheckoutResult<Cart>> ResumeCheckoutAsync(ClientContext client, string cartId, long? expectedVersion, CheckoutResumeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _carts.ChangeCartAsync(
            client,
            cartId,
            expectedVersion,
            (b, c, ct) => c.Checkout.Status == CheckoutStatus.Complete || c.OrderId is not null
                ? Task.FromException<Cart>(new BackendRejectedException(c.Channel, CommerceErrorCodes.InvalidStep, "The cart is already paid; there is nothing to resume.", field: "cartId"))
                : b.ResumeCheckoutAsync(c, options, ct),
            cancellationToken);
    }

    private static Task<Cart>? UnknownLine(Cart cart, IEnumerable<string> lineIds) =>
        lineIds.FirstOrDefault(id => cart.FindLine(id) is null) is { } missing
            ? Task.FromException<Cart>(new BackendRejectedException(cart.Channel, CommerceErrorCodes.NotFound, $"The cart has no line '{missing}'.", field: "lineIds"))
            : null;

    private static bool LooksLikeEmail(string email) =>
        email.Length <= 254 && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);

    private Task<CheckoutResult<Cart>> ChangeCartWithLoyaltyAsync(ClientContext client, string cartId, long? expectedVersion, Func<CommerceBackend, Cart, CancellationToken, Task<Cart>> change, CancellationToken cancellationToken) =>
        _carts.ChangeCartAsync(client, cartId, expectedVersion, async (backend, cart, ct) => await _rewards.RevalidateRewardAsync(backend, await change(backend, cart, ct), ct), cancellationToken);
}
