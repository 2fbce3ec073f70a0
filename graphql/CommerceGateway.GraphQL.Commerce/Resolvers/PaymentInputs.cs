using CommerceGateway.Adapters;
using CommerceGateway.Checkout;

namespace CommerceGateway.GraphQL.Commerce.Resolvers;

/// <summary>Reads <c>PaymentInput</c> and <c>MoneyInput</c>; malformed money is a user error, not a fault.</summary>
internal static class PaymentInputs
{
    public static bool TryRead(IReadOnlyDictionary<string, object?>? input, out PaymentRequest payment, out UserError? error)
    {
        input ??= new Dictionary<string, object?>();
        payment = new PaymentRequest(CommerceCall.S(input, "pspToken"), CommerceCall.S(input, "pspTransactionId"), CommerceCall.S(input, "pspName"));
        error = null;
        if (input.GetValueOrDefault("amount") is IReadOnlyDictionary<string, object?> money)
        {
            if (!TryMoney(money, "payment.amount", out var amount, out error))
            {
                return false;
            }

            payment = payment with { Amount = amount };
        }

        return true;
    }

    public static bool TryMoney(IReadOnlyDictionary<string, object?>? input, string field, out Money? money, out UserError? error)
    {
        money = null;
        error = null;
        if (input is null)
        {
            return true;
        }

        if (!CurrencyCode.TryParse(CommerceCall.S(input, "currencyCode"), out var currency))
        {
            error = new UserError(CommerceErrorCodes.InvalidInput, "currencyCode is not an ISO 4217 currency code.", field + ".currencyCode");
            return false;
        }

        money = new Money((decimal)input["amount"]!, currency);
        return true;
    }
}
