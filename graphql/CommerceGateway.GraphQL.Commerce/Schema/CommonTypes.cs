using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.GraphQL.Commerce.Resolvers;
using CommerceGateway.GraphQL.Types;

namespace CommerceGateway.GraphQL.Commerce;

/// <summary>Money, user errors, channels and loyalty.</summary>
internal static class CommonTypes
{
    public static void Add(SchemaBuilder builder) => builder
        .Type("Money", o => o
            .Description("An exact amount of one currency.")
            .Prop<Money>("amount", "Decimal!", "The amount, as an exact decimal string with at least the currency's decimals, e.g. \"91.89\".", m => m.IsRounded ? m.FormatAmount() : m.Amount)
            .Prop<Money>("currencyCode", "String!", "The ISO 4217 currency code, e.g. \"USD\".", m => m.Currency.Code))
        .Type("UserError", o => o
            .Description("A business failure the buyer or front-end can act on.")
            .Prop("code", "String!", "A stable code: SOLD_OUT, HOLD_EXPIRED, SEAT_TAKEN, INVALID_STEP, PAYMENT_DECLINED, UNDERPAID, REWARD_NOT_APPLICABLE, CONFLICT, NOT_SUPPORTED, NOT_FOUND, INVALID_INPUT, IDEMPOTENCY_KEY_REUSED, PAYMENT_OUTCOME_UNKNOWN ...")
            .Prop<UserError>("field", "[String!]", "The path of the input at fault, e.g. [\"lines\", \"0\", \"quantity\"].", e => e.Field?.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Split('.'))
            .Prop("message", "String!", "What went wrong, for a front-end developer."))
        .Enum("ChannelCapability", e =>
        {
            e.Description("What a channel's backend can do beyond a basic cart and checkout.");
            foreach (var capability in Enum.GetValues<ChannelCapabilities>().Where(c => c != ChannelCapabilities.None))
            {
                e.Value(EnumNames.Constant(capability.ToString()), capability);
            }
        })
        .Type("Channel", o => o
            .Description("A configured backend instance that sells (or, for loyalty programs, rewards) through the gateway.")
            .Prop<Channel>("name", "String!", "The channel's name; carts and catalog queries name it.", c => c.Name)
            .Prop<Channel>("adapter", "String!", "The backend protocol, e.g. \"livescale\", \"booking\", \"spendgo\".", c => c.AdapterKind)
            .Prop<Channel>("capabilities", "[ChannelCapability!]!", "What the backend can do.", c => Enum.GetValues<ChannelCapabilities>().Where(f => f != ChannelCapabilities.None && c.Supports(f)).Cast<object>().ToList())
            .Prop<Channel>("defaultCurrency", "String", "The currency of new carts when cartCreate names none.", c => c.DefaultCurrency?.Code)
            .Prop<Channel>("loyaltyProgram", "String", "The loyalty channel whose program this channel's orders earn in.", c => c.LoyaltyChannel))
        .Enum("LoyaltyOrderStatus", e => e.Description("The last lifecycle stage reported to the loyalty program.").Values<LoyaltyOrderStatus>())
        .Enum("LoyaltySyncStatus", e => e
            .Description("Whether the loyalty program has every stage the order's payment, refund or cancellation calls for.")
            .Value("IN_SYNC", "IN_SYNC", "The program has every stage; a cart is always in sync.")
            .Value("RETRYING", "RETRYING", "A stage failed after money moved (e.g. COMPLETED, which awards the points, or REFUNDED, which takes them back); the gateway retries it in the background and whenever the order is read or changed.")
            .Value("GAVE_UP", "GAVE_UP", "Retries stopped after the configured time (Checkout:LoyaltyRetryGiveUpAfter); pendingStages need a manual fix."))
        .Type("CartLoyalty", o => o
            .Description("The loyalty member (or guest), store and reward attached to a cart or order.")
            .Prop<LoyaltyView>("program", "String!", "The loyalty channel.", l => l.Attachment.Program)
            .Prop<LoyaltyView>("memberId", "String", "The member; null for a guest order.", l => l.Attachment.MemberId)
            .Prop<LoyaltyView>("store", "String!", "The store code.", l => l.Attachment.StoreCode)
            .Prop<LoyaltyView>("rewardId", "String", "The applied reward (one per order).", l => l.Attachment.RewardId)
            .Prop<LoyaltyView>("discount", "Money", "The discount the loyalty program computed for the reward.", l => l.Attachment.Discount)
            .Prop<LoyaltyView>("status", "LoyaltyOrderStatus", "The last lifecycle stage the program accepted (placed, billed, completed, voided, refunded). A partly refunded order stays COMPLETED until it is refunded in full; after payment, a stage the program could not take leaves the previous one here, and sync and pendingStages say what is still owed.", l => l.Attachment.Status)
            .Prop<LoyaltyView>("sync", "LoyaltySyncStatus!", "Whether the program has every stage the order calls for, or the gateway is still retrying some (pendingStages).", l => l.Sync)
            .Prop<LoyaltyView>("pendingStages", "[LoyaltyOrderStatus!]!", "The stages the program has not accepted yet, in the order they will be sent; empty when in sync.", l => l.Owed?.Stages ?? []))
        .Type("LoyaltyReward", o => o
            .Description("A reward a member can apply to one order at a store.")
            .Prop("id", "ID!", "The reward's id, for cartRewardApply.")
            .Prop("title", "String!", "Display title.")
            .Prop("description", "String", "What it gives and its rules.")
            .Prop("minimumSubtotal", "Money", "The smallest cart subtotal it applies to."))
        .Type("LoyaltyAccount", o => o
            .Description("A member's loyalty account at a store.")
            .Prop<LoyaltyAccount>("memberId", "String!", "The member.", a => a.Balance.MemberId)
            .Prop<LoyaltyAccount>("points", "Decimal!", "Points available.", a => a.Balance.Points)
            .Prop<LoyaltyAccount>("rewards", "[LoyaltyReward!]!", "Rewards usable at the store.", a => a.Rewards));
}
