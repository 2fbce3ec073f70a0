using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CommerceGateway.Adapters.Spendgo;

/// <summary>
/// The Spendgo loyalty adapter: a member's points balance and rewards at a store, and the order
/// lifecycle (checkout, placed, billed, completed, voided, refunded) reported with the same order
/// id and the discount checkout returned. Orders of no member are sent as <c>guest</c>.
/// </summary>
/// <remarks>
/// Spendgo answers a status the order already has with a 409 that carries the order as it stands,
/// without applying anything again. The adapter turns that answer (and a stage the order has
/// already gone past on the way to completed) into the normal result, so a repeated call has the
/// effect of one: this is what makes order calls safe for the pipeline to retry.
/// </remarks>
public sealed class SpendgoLoyaltyBackend : LoyaltyBackend, IDisposable
{
    /// <summary>The credential holding the partner's client id.</summary>
    public const string ClientIdCredential = "ClientId";

    /// <summary>The credential holding the shared client secret.</summary>
    public const string ClientSecretCredential = "ClientSecret";

    /// <summary>The credential holding the Spendgo account id the client id was issued for.</summary>
    public const string AccountIdCredential = "AccountId";

    /// <summary>The member id the protocol uses for orders linked to no member.</summary>
    public const string GuestMemberId = "guest";

    // The happy path's order: a stage already passed on it has had its effect.
    private static readonly LoyaltyOrderStatus[] ForwardPath = [LoyaltyOrderStatus.Placed, LoyaltyOrderStatus.Billed, LoyaltyOrderStatus.Completed];

    private readonly SpendgoClient _client;
    private readonly BackendTokenCache _tokens;
    private readonly ILogger _logger;

    /// <summary>Creates the backend of one channel (the SDK does this once per channel).</summary>
    public SpendgoLoyaltyBackend(Channel channel, HttpClient http, TimeProvider time, ILogger<SpendgoLoyaltyBackend> logger)
        : base(channel)
    {
        ArgumentNullException.ThrowIfNull(http);
        _logger = logger;
        _tokens = new BackendTokenCache(time);
        _client = new SpendgoClient(channel, http, _tokens, logger);
    }

    /// <inheritdoc />
    public override async Task<LoyaltyBalance> GetBalanceAsync(string memberId, CancellationToken cancellationToken)
    {
        var path = $"{MemberPath(memberId)}/balance";
        using var document = await CallAsync("LoyaltyBalance", HttpMethod.Get, path, null, cancellationToken);
        return SpendgoReader.Balance(document.Root(Channel.Name), memberId);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<LoyaltyReward>> GetRewardsAsync(string memberId, string storeCode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(storeCode))
        {
            throw Invalid("A store code is required to list rewards.", "storeCode");
        }

        var path = $"{MemberPath(memberId)}/rewards?store={Uri.EscapeDataString(storeCode)}";
        using var document = await CallAsync("LoyaltyRewards", HttpMethod.Get, path, null, cancellationToken);
        return SpendgoReader.Rewards(document.Root(Channel.Name), Channel.DefaultCurrency ?? CurrencyCode.Usd);
    }

    /// <inheritdoc />
    public override async Task<LoyaltyOrderResult> SubmitOrderAsync(LoyaltyOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        Validate(order);
        var path = $"{MemberPath(order.MemberId ?? GuestMemberId)}/orders";
        try
        {
            // Safe to retry: a repeated stage is refused by Spendgo without effect and read back below.
            using var document = await _client.SendAsync("LoyaltyOrder", HttpMethod.Post, path, SpendgoOrderBody.Of(order), safeToRetry: true, cancellationToken);
            var result = SpendgoReader.Order(document.Root(Channel.Name), order);
            SpendgoLog.OrderReported(_logger, Channel.Name, order.OrderId, result.Status, result.Discount.Amount, result.PointsEarned);
            return result;
        }
        catch (SpendgoRefusal refusal) when (refusal.Status == 409 && refusal.Order is { } current && AlreadyReached(order, current) is { } replay)
        {
            SpendgoLog.StageAlreadyReported(_logger, Channel.Name, order.OrderId, order.Status, replay.Status);
            return replay;
        }
        catch (SpendgoRefusal refusal)
        {
            throw refusal.ToError(Channel.Name);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _tokens.Dispose();

    private async Task<JsonDocument> CallAsync(string operation, HttpMethod method, string path, System.Text.Json.Nodes.JsonObject? body, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.SendAsync(operation, method, path, body, safeToRetry: method == HttpMethod.Get, cancellationToken);
        }
        catch (SpendgoRefusal refusal)
        {
            throw refusal.ToError(Channel.Name);
        }
    }

    /// <summary>The order as Spendgo holds it, when it already has (or went past) the stage sent; else null.</summary>
    private LoyaltyOrderResult? AlreadyReached(LoyaltyOrder sent, JsonElement current)
    {
        using var document = JsonDocument.Parse(current.GetRawText());
        var result = SpendgoReader.Order(document.Root(Channel.Name), sent);
        var reached = result.Status == sent.Status && sent.Status != LoyaltyOrderStatus.Checkout
            || Array.IndexOf(ForwardPath, sent.Status) is var asked and >= 0 && Array.IndexOf(ForwardPath, result.Status) > asked;
        return reached ? result : null;
    }

    private void Validate(LoyaltyOrder order)
    {
        if (string.IsNullOrWhiteSpace(order.OrderId) || string.IsNullOrWhiteSpace(order.StoreCode))
        {
            throw Invalid("A loyalty order needs an order id and a store code.", string.IsNullOrWhiteSpace(order.OrderId) ? "orderId" : "storeCode");
        }

        var currency = order.Subtotal.Currency;
        if (order.Items.Any(i => i.UnitPrice.Currency != currency) || order.Discount is { } d && d.Currency != currency)
        {
            throw Invalid($"Every amount of a loyalty order must be in the subtotal's currency ({currency.Code}).", "items");
        }

        // The same discount goes with every stage after checkout: without it Spendgo cannot match the reward.
        if (order.RewardId is not null && order.Discount is null && order.Status is LoyaltyOrderStatus.Placed or LoyaltyOrderStatus.Billed or LoyaltyOrderStatus.Completed)
        {
            throw Invalid($"The {order.Status} stage must carry the discount checkout returned for reward {order.RewardId}.", "discount");
        }
    }

    private string MemberPath(string memberId) =>
        string.IsNullOrWhiteSpace(memberId)
            ? throw Invalid("A loyalty member id is required.", "memberId")
            : $"loyalty/accounts/{Uri.EscapeDataString(memberId)}";

    private BackendRejectedException Invalid(string message, string field) =>
        new(Channel.Name, CommerceErrorCodes.InvalidInput, message, field: field);
}
