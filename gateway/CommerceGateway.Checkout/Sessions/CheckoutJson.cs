using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommerceGateway.Checkout;

/// <summary>How carts, orders and bookings are written to the session store.</summary>
internal static class CheckoutJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
