using System.Net.Http.Headers;
using System.Text.Json;

namespace CommerceGateway.Gateway.Tests.FrontDoors.Livescale;

/// <summary>One answer of the front door: its status, JSON body and headers.</summary>
public sealed record LivescaleAnswer(int Status, JsonElement Body, HttpResponseHeaders Headers)
{
    public string Error => Body.GetProperty("error").GetString()!;

    public string Message => Body.GetProperty("message").GetString()!;
}
