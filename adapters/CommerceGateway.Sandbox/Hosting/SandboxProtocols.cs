namespace CommerceGateway.Sandbox.Hosting;

/// <summary>
/// The simulated protocols. Each protocol implements its two partial methods in its own folder:
/// <c>Add{Name}</c> registers its services (state in singletons, time from TimeProvider) and
/// <c>Map{Name}</c> maps its routes on a group already prefixed with <c>/{name}</c> and already
/// carrying the shared fault injection. A protocol that is not implemented compiles away.
/// </summary>
internal static partial class SandboxProtocols
{
    public static void AddAll(IServiceCollection services)
    {
        AddLivescale(services);
        AddOrderFlow(services);
        AddBooking(services);
        AddGuestManager(services);
        AddSpendgo(services);
        AddExample(services);
    }

    /// <summary>Maps every implemented protocol and returns their names.</summary>
    public static IReadOnlyList<string> MapAll(RouteGroupBuilder root)
    {
        var mapped = new List<string>();
        MapLivescale(Group(root, "livescale", mapped));
        MapOrderFlow(Group(root, "orderflow", mapped));
        MapBooking(Group(root, "booking", mapped));
        MapGuestManager(Group(root, "guestmanager", mapped));
        MapSpendgo(Group(root, "spendgo", mapped));
        MapExample(Group(root, "example", mapped));
        return mapped;
    }

    static partial void AddLivescale(IServiceCollection services);

    static partial void MapLivescale(RouteGroupBuilder group);

    static partial void AddOrderFlow(IServiceCollection services);

    static partial void MapOrderFlow(RouteGroupBuilder group);

    static partial void AddBooking(IServiceCollection services);

    static partial void MapBooking(RouteGroupBuilder group);

    static partial void AddGuestManager(IServiceCollection services);

    static partial void MapGuestManager(RouteGroupBuilder group);

    static partial void AddSpendgo(IServiceCollection services);

    static partial void MapSpendgo(RouteGroupBuilder group);

    static partial void AddExample(IServiceCollection services);

    static partial void MapExample(RouteGroupBuilder group);

    private static RouteGroupBuilder Group(RouteGroupBuilder root, string protocol, List<string> mapped)
    {
        mapped.Add(protocol);
        return root.MapGroup("/" + protocol).AddEndpointFilter(new Faults.FaultInjectionFilter(protocol));
    }
}
