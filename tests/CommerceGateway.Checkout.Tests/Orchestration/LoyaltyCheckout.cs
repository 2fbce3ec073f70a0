using System.Text.Json;
using CommerceGateway.Adapters;
using CommerceGateway.Checkout.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommerceGateway.Checkout.Tests.Orchestration;

/// <summary>The steps and store reads the loyalty checkout tests share, on a <see cref="CheckoutHost"/>.</summary>
internal static class LoyaltyCheckout
{
    /// <summary>3 x 10.00 USD on the "shop" channel for <paramref name="member"/> with <paramref name="reward"/> applied, ready to pay.</summary>
    public static async Task<string> RewardCartAsync(CheckoutHost host, ClientContext client, string member, string store, string reward)
    {
        var checkout = host.Checkout;
        var cart = (await checkout.Carts.CreateCartAsync(client, "shop", null, default)).Value!;
        await checkout.Loyalty.AttachLoyaltyAsync(client, cart.Id, member, store, null, default);
        await checkout.Carts.AddLinesAsync(client, cart.Id, [new CartLineInput("tee-m", 3)], null, default);
        var applied = await checkout.Loyalty.ApplyRewardAsync(client, cart.Id, reward, null, default);
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
        await checkout.Carts.UpdateBuyerAsync(client, cart.Id, new Buyer("alice@example.test"), null, default);
        await checkout.Carts.BeginCheckoutAsync(client, cart.Id, null, default);
        return cart.Id;
    }

    /// <summary>Moves the clock by <paramref name="step"/> until <paramref name="done"/>, giving the background service real time to run after each step.</summary>
    public static async Task<bool> AdvanceUntilAsync(FakeTimeProvider time, Func<Task<bool>> done, TimeSpan step, int maxSteps = 30)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            if (await done())
            {
                return true;
            }

            time.Advance(step);
            await Task.Delay(50);
        }

        return await done();
    }

    /// <summary>The cart as stored, without the look-up or retry a read would make.</summary>
    public static async Task<CartSession> StoredCartAsync(CheckoutHost host, string cartId)
    {
        var document = await host.Services.GetRequiredService<ISessionStore>().GetAsync(SessionDocuments.CartKey(cartId));
        return JsonSerializer.Deserialize<CartSession>(document!.Document, CheckoutJson.Options)!;
    }

    /// <summary>Every entry of the follow-up index, due or not.</summary>
    public static async Task<IReadOnlyList<string>> FollowUpsAsync(CheckoutHost host) =>
        await host.Services.GetRequiredService<ISessionStore>().GetDueFollowUpsAsync(DateTimeOffset.MaxValue, 1000);

    /// <summary>The ids of the rewards <paramref name="member"/> holds at the loyalty program.</summary>
    public static async Task<IEnumerable<string>> RewardsAsync(CheckoutHost host, string member, string store) =>
        (await host.Checkout.Loyalty.GetLoyaltyAccountAsync(CheckoutHost.LoyaltyChannel, member, store, default)).Value!.Rewards.Select(r => r.Id);
}
