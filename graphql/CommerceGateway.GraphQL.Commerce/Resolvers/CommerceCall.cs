using System.Globalization;
using CommerceGateway.Adapters;
using CommerceGateway.Checkout;
using CommerceGateway.GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGateway.GraphQL.Commerce.Resolvers;

/// <summary>One resolver call: its arguments, the authorized client and the checkout services.</summary>
internal sealed record CommerceCall(IResolverContext Context, ClientContext Client)
{
    public CartService Carts => Context.Services.GetRequiredService<CartService>();

    public CatalogService Catalog => Context.Services.GetRequiredService<CatalogService>();

    public PaymentService Payments => Context.Services.GetRequiredService<PaymentService>();

    public OrderService Orders => Context.Services.GetRequiredService<OrderService>();

    public BookingService Bookings => Context.Services.GetRequiredService<BookingService>();

    public LoyaltyService Loyalty => Context.Services.GetRequiredService<LoyaltyService>();

    public CancellationToken Cancellation => Context.CancellationToken;

    public string Str(string name) => (string)Context.Arguments[name]!;

    public string? OptStr(string name) => Context.Arguments.GetValueOrDefault(name) as string;

    public bool Bool(string name) => Context.Arguments.GetValueOrDefault(name) is true;

    public int Int(string name) => Convert.ToInt32(Context.Arguments[name], CultureInfo.InvariantCulture);

    public long? Version => Context.Arguments.GetValueOrDefault("expectedVersion") is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;

    public IReadOnlyDictionary<string, object?>? Map(string name) => Context.Arguments.GetValueOrDefault(name) as IReadOnlyDictionary<string, object?>;

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Maps(string name) =>
        Context.Arguments.GetValueOrDefault(name) is IEnumerable<object?> list ? [.. list.OfType<IReadOnlyDictionary<string, object?>>()] : [];

    public IReadOnlyList<string>? Strings(string name) =>
        Context.Arguments.GetValueOrDefault(name) is IEnumerable<object?> list ? [.. list.OfType<string>()] : null;

    public static string? S(IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) as string;

    public static int I(IReadOnlyDictionary<string, object?> map, string key) => Convert.ToInt32(map[key], CultureInfo.InvariantCulture);

    /// <summary>A MoneyInput; an unknown currency is an input error the caller reports as a user error.</summary>
    public static Money? ToMoney(IReadOnlyDictionary<string, object?>? map) =>
        map is null ? null : new Money((decimal)map["amount"]!, CurrencyCode.TryParse(S(map, "currencyCode"), out var code) ? code : throw new FormatException("currencyCode"));

    /// <summary>A MailingAddressInput.</summary>
    public static Address? ToAddress(IReadOnlyDictionary<string, object?>? map) =>
        map is null
            ? null
            : new Address(S(map, "address1")!, S(map, "city")!, S(map, "zip")!, S(map, "countryCode")!, S(map, "address2"), S(map, "provinceCode"), S(map, "firstName"), S(map, "lastName"), S(map, "phone"), S(map, "company"));
}
