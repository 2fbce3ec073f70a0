using CommerceGateway.Gateway.Composition;

namespace CommerceGateway.Gateway.Tests.Composition;

public sealed class GatewayOptionsValidatorTests
{
    [Fact]
    public void Defaults_WhenNothingIsConfigured_KeepSandboxOffAtSandboxPath()
    {
        var options = new GatewayOptions();

        Assert.False(options.Sandbox.Enabled);
        Assert.Equal("/sandbox", options.Sandbox.Path);
        Assert.Null(options.Authentication.Authority);
        Assert.Equal(["partners", "commerce-gateway", "livescale"], GatewayAuthenticationOptions.DefaultAudiences);
        Assert.True(new GatewayOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_RelativeAuthorityAndEmptyAudience_NamesEachKey()
    {
        var options = new GatewayOptions();
        options.Authentication.Authority = "/identity";
        options.Authentication.Audiences.Add("partners");
        options.Authentication.Audiences.Add(" ");

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Gateway:Authentication:Authority must be an absolute http or https URL, but is \"/identity\".",
                "Gateway:Authentication:Audiences:1 must not be empty.",
            ],
            result.Failures);
    }
}
