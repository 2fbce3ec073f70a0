using CommerceGateway.Gateway.Operations.Logging;

namespace CommerceGateway.Gateway.Tests.Operations;

public sealed class LogRedactorTests
{
    [Theory]
    [InlineData("GET /x?access_token=abc.def&page=2", "GET /x?access_token=[redacted]&page=2")]
    [InlineData("POST /oauth/token?client_secret=s3cr3t", "POST /oauth/token?client_secret=[redacted]")]
    [InlineData("Authorization: Bearer abcdefghijkl", "Authorization: Bearer [redacted]")]
    [InlineData("token eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl here", "token [redacted] here")]
    [InlineData("buyer Jane.Doe+tag@shop.example.com paid", "buyer [redacted] paid")]
    [InlineData("Backend orderflow-demo PUT /carts/cart_1 answered 200", "Backend orderflow-demo PUT /carts/cart_1 answered 200")]
    public void Redact_Text_MasksSecretsAndKeepsTheRest(string text, string expected) =>
        Assert.Equal(expected, LogRedactor.Redact(text));

    [Theory]
    [InlineData("ClientSecret", true)]
    [InlineData("PspToken", true)]
    [InlineData("PspTransactionId", true)]
    [InlineData("Email", true)]
    [InlineData("AccessToken", true)]
    [InlineData("TokenId", false)]
    [InlineData("KeyId", false)]
    [InlineData("ClientId", false)]
    [InlineData("Path", false)]
    public void IsSensitiveName_ByValueName_FlagsSecretsAndPersonalData(string name, bool sensitive) =>
        Assert.Equal(sensitive, LogRedactor.IsSensitiveName(name));
}
