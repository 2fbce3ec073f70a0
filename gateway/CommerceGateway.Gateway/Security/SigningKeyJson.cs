using System.Text.Json.Serialization;
using CommerceGateway.Identity;

namespace CommerceGateway.Gateway.Security;

/// <summary>The JSON shape of the signing key document in the state store.</summary>
[JsonSerializable(typeof(List<SigningKeyRecord>))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class SigningKeyJson : JsonSerializerContext;
