using CommerceGateway.Adapters;

namespace CommerceGateway.Checkout;

/// <summary>What a booking step may collect: the price and what is still due of a purchase, and why a booking at the wrong status collects nothing.</summary>
internal static class BookingRules
{
    /// <summary>
    /// What a purchase of <paramref name="chosen"/> (null: every item) costs, and what of it is still
    /// due after the booking's commit: the chosen items' prices plus the booking's charges that are not
    /// items, less the amount paid, never below zero.
    /// </summary>
    public static (Money Price, Money Due) PurchaseDue(Booking booking, IReadOnlyList<string>? chosen)
    {
        var zero = Money.Zero(booking.Total.Currency);
        var price = booking.Total;
        if (chosen is not null)
        {
            var items = booking.Items.Aggregate(zero, (sum, item) => sum + item.Price);
            var kept = booking.Items.Where(i => chosen.Contains(i.Id)).Aggregate(zero, (sum, item) => sum + item.Price);
            price = booking.Total - items + kept;
        }

        var due = price - booking.AmountPaid;
        return (price, due.Amount > 0m ? due : zero);
    }

    public static UserError? DuePaymentError(Booking booking, Money price, Money due, PaymentRequest? payment)
    {
        var paid = $"the purchase costs {price} and the booking's commit paid {booking.AmountPaid}";
        return (due.Amount > 0m, payment) switch
        {
            (false, not null) => new UserError(CommerceErrorCodes.InvalidInput, $"Nothing is due: {paid}. Purchase without a payment.", "payment"),
            (true, null) => new UserError(CommerceErrorCodes.InvalidInput, $"{due} is still due: {paid}. Give a payment for it.", "payment"),
            (true, { Amount: { } amount }) when amount != due => new UserError(CommerceErrorCodes.InvalidInput, $"The amount must equal what is still due, {due}: {paid}.", "payment.amount"),
            _ => null,
        };
    }

    /// <summary>A booking that is not at <paramref name="expected"/>; nothing is collected.</summary>
    public static CheckoutResult<T> NotAt<T>(BookingRecord record, BookingStatus expected) => record.Booking.Status switch
    {
        BookingStatus.Expired => CheckoutResult.Fail<T>(CommerceErrorCodes.HoldExpired, $"Booking '{record.Id}' expired and its seats were released; nothing was collected."),
        BookingStatus.Held => CheckoutResult.Fail<T>(CommerceErrorCodes.InvalidStep, $"Booking '{record.Id}' is not committed yet; commit it with its payment first."),
        BookingStatus.Committed when expected == BookingStatus.Held =>
            CheckoutResult.Fail<T>(CommerceErrorCodes.InvalidStep, $"Booking '{record.Id}' is already committed ({record.Booking.AmountPaid} paid); nothing more was collected."),
        _ => CheckoutResult.Fail<T>(
            CommerceErrorCodes.InvalidStep,
            $"Booking '{record.Id}' is already purchased{(record.OrderId is { } order ? $" (order '{order}')" : string.Empty)}; nothing more was collected."),
    };
}
