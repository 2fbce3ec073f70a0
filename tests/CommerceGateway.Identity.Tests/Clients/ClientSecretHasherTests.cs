namespace CommerceGateway.Identity.Tests.Clients;

public sealed class ClientSecretHasherTests
{
    [Fact]
    public void Hash_Default_UsesPbkdf2Sha256WithHighIterationCount()
    {
        var hash = ClientSecretHasher.Hash("secret");

        Assert.StartsWith("pbkdf2-sha256$600000$", hash, StringComparison.Ordinal);
        Assert.True(ClientSecretHasher.Verify("secret", hash));
    }

    [Fact]
    public void Hash_SameSecretTwice_IsSaltedDifferently()
    {
        Assert.NotEqual(ClientSecretHasher.Hash("secret", 1_000), ClientSecretHasher.Hash("secret", 1_000));
    }

    [Theory]
    [InlineData("Secret")]
    [InlineData("secret ")]
    [InlineData("")]
    public void Verify_OtherSecret_IsFalse(string presented)
    {
        Assert.False(ClientSecretHasher.Verify(presented, ClientSecretHasher.Hash("secret", 1_000)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("secret")]
    [InlineData("pbkdf2-sha256$10$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$1000$not-base64$AAAA")]
    [InlineData("bcrypt$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Verify_MalformedHash_IsFalse(string? hash)
    {
        Assert.False(ClientSecretHasher.IsWellFormed(hash));
        Assert.False(ClientSecretHasher.Verify("secret", hash!));
    }

    [Fact]
    public void DemoClients_Hashes_MatchDocumentedSecrets()
    {
        var options = new IdentityOptions();
        DemoClients.AddTo(options);

        Assert.True(ClientSecretHasher.Verify(DemoClients.LivescaleSecret, options.Clients[DemoClients.LivescaleId].SecretHash!));
        Assert.True(ClientSecretHasher.Verify(DemoClients.StorefrontSecret, options.Clients[DemoClients.StorefrontId].SecretHash!));
        Assert.True(ClientSecretHasher.Verify(DemoClients.PartnerSecret, options.Clients[DemoClients.PartnerId].SecretHash!));
    }
}
