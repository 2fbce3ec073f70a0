using System.Security.Cryptography;
using System.Text;
using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.FrontDoors.Livescale;

/// <summary>
/// Hands Livescale's authorized PSP transaction to the backend through the checkout core's payment
/// (idempotent per order and attempt, so a report Livescale sends again never pays twice) and its
/// capture. A backend that settles asynchronously is polled for up to <see cref="LivescaleFrontDoorOptions.PaymentWait"/>.
/// </summary>
internal sealed class LivescalePayments(CheckoutService checkout, IChannelRegistry channels, IOptionsMonitor<LivescaleFrontDoorOptions> options, TimeProvider time)
{
    private static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The error model's refusal for a channel whose protocol charges only PSP tokens while the merchant
    /// has not said its PSP completes Livescale's transaction from its id: given when Livescale asks for
    /// the payment methods, before it authorizes anything the backend could never be paid with.
    /// </summary>
    public IResult? Unpayable(Channel channel) =>
        options.CurrentValue.PspReferenceOf(channel.Name) == LivescalePspReference.TransactionId && !channels.GetCommerceBackend(channel.Name).TakesPspTransactions
            ? LivescaleErrors.Error(
                StatusCodes.Status422UnprocessableEntity,
                "not_supported",
                $"{CheckoutService.PspTransactionsRefused(channel.Name)} If the merchant's PSP completes Livescale's transaction from its id, set {LivescaleFrontDoorOptions.SectionName}:Channels:{channel.Name}:PspReference to Token.")
            : null;

    /// <summary>Pays the backend the order's total with the order's PSP transaction.</summary>
    public async Task<CheckoutResult<PaymentResult>> PayAsync(LivescaleCaller caller, LivescaleOrderDocument order, CancellationToken cancellationToken)
    {
        var transaction = order.PspTransactionId ?? throw new InvalidOperationException("An order is paid only once its PSP transaction is known.");
        var request = options.CurrentValue.PspReferenceOf(order.Channel) == LivescalePspReference.Token
            ? new PaymentRequest(transaction, null, order.PspName, order.TotalMoney)
            : new PaymentRequest(null, transaction, order.PspName, order.TotalMoney);
        var key = $"livescale-payment:{order.Id}:{order.CaptureAttempts}:{Hash(transaction)}";
        var result = await checkout.SubmitPaymentAsync(caller.Client, order.CartId, request, key, cancellationToken);
        var deadline = time.GetUtcNow() + options.CurrentValue.PaymentWait;
        while (result.Value is { Status: PaymentStatus.Processing } processing && time.GetUtcNow() < deadline)
        {
            var wait = processing.PollAfter is { } hint && hint < DefaultPoll ? hint : DefaultPoll;
            await Task.Delay(wait, time, cancellationToken);
            result = await checkout.RefreshPaymentAsync(caller.Client, order.CartId, cancellationToken);
        }

        return result;
    }

    /// <summary>Captures the backend's authorized order; a failed capture comes back with the order and its reason.</summary>
    public Task<CheckoutResult<OrderRecord>> CaptureAsync(LivescaleCaller caller, LivescaleOrderDocument order, CancellationToken cancellationToken) =>
        checkout.CaptureAsync(caller.Client, order.MerchantOrderId!, null, $"livescale-capture:{order.Id}:{order.CaptureAttempts}", cancellationToken);

    // PSP references are hashed into keys, never stored as they are.
    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
