using System.Security.Claims;
using CommerceGateway.Gateway.Partners;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace CommerceGateway.Gateway.Tests.Partners;

/// <summary>
/// The partner-route policy is decided without ASP.NET Core's authorization service, so every caller must
/// get the decision that service gives: allowed, challenged (401) or forbidden (403) with the same refusal.
/// </summary>
public sealed class PartnerRoutePolicyEvaluatorTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly AuthorizationPolicy _policy;

    public PartnerRoutePolicyEvaluatorTests()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPartnerRoutes(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddAuthorization();
        _services = services.BuildServiceProvider();
        _policy = _services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(PartnerRoutes.AuthorizationPolicy).GetAwaiter().GetResult()!;
    }

    public static TheoryData<string, bool, string[], string[]> Callers() => new()
    {
        { "anonymous", false, [], [] },
        { "allowed", true, ["partners"], ["partners:read", "partners:write"] },
        { "another audience", true, ["billing"], ["partners:read", "partners:write"] },
        { "missing scope", true, ["partners"], ["partners:read"] },
        { "no route metadata", true, ["partners"], ["partners:read", "partners:write"] },
        { "anonymous without route metadata", false, [], [] },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task PartnerRoutePolicy_EveryCaller_GetsTheDecisionOfAspNetCoresEvaluator(string caller, bool authenticated, string[] audiences, string[] scopes)
    {
        var withRoute = !caller.Contains("metadata", StringComparison.Ordinal);
        var ours = await DecideAsync(_services.GetRequiredService<IPolicyEvaluator>(), Request(authenticated, audiences, scopes, withRoute));
        var aspNetCore = await DecideAsync(ActivatorUtilities.CreateInstance<PolicyEvaluator>(_services), Request(authenticated, audiences, scopes, withRoute));

        Assert.IsType<PartnerRoutePolicyEvaluator>(_services.GetRequiredService<IPolicyEvaluator>());
        Assert.Equal(aspNetCore, ours);
    }

    public void Dispose() => _services.Dispose();

    private async Task<string> DecideAsync(IPolicyEvaluator evaluator, HttpContext http)
    {
        var authentication = await evaluator.AuthenticateAsync(_policy, http);
        var result = await evaluator.AuthorizeAsync(_policy, authentication, http, http);
        var refusal = result.AuthorizationFailure?.FailureReasons.OfType<PartnerRouteRefusal>().SingleOrDefault();
        return $"succeeded={result.Succeeded} challenged={result.Challenged} forbidden={result.Forbidden} refusal={refusal?.Message} scope={refusal?.RequiredScope}";
    }

    private DefaultHttpContext Request(bool authenticated, string[] audiences, string[] scopes, bool withRoute)
    {
        var claims = audiences.Select(a => new Claim("aud", a))
            .Concat(scopes.Length == 0 ? [] : [new Claim("scope", string.Join(' ', scopes))])
            .Append(new Claim("client_id", "partner"));
        var user = new ClaimsPrincipal(authenticated ? new ClaimsIdentity(claims, "Bearer") : new ClaimsIdentity());
        var http = new DefaultHttpContext { User = user, RequestServices = _services };
        var metadata = withRoute
            ? new Dictionary<string, string> { [PartnerRouteMetadata.Audience] = "partners", [PartnerRouteMetadata.Scope] = "partners:read partners:write" }
            : null;
        var route = new RouteModel(new RouteConfig { RouteId = "orders", Metadata = metadata, Match = new RouteMatch { Path = "/partners/{**rest}" } }, cluster: null, HttpTransformer.Default);
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(route), "orders"));
        return http;
    }
}
