using Microsoft.Extensions.Configuration;

namespace CommerceGateway.Adapters;

/// <summary>
/// Registers adapter kinds named in configuration, so a host can enable an adapter it ships without
/// a code change:
/// <code>
/// "Adapters": {
///   "example": {
///     "Type": "CommerceGateway.Adapters.Example.ExampleShopBackend, CommerceGateway.Adapters.Example",
///     "DefaultCapabilities": [ "CaptureLater", "Refunds" ],
///     "RequiredCredentials": [ "ApiKey" ]
///   }
/// }
/// </code>
/// The type must derive from <see cref="CommerceBackend"/> or <see cref="LoyaltyBackend"/> and live in
/// an assembly the host already ships (a project or package reference): types are resolved by name
/// through the default load context, never loaded from a file path. A bad entry stops start-up with
/// every problem listed, each naming its key.
/// </summary>
internal static class ConfiguredAdapters
{
    public const string Section = "Adapters";

    public static void Register(CommerceAdapterBuilder builder, IConfiguration configuration)
    {
        var errors = new List<string>();
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            var key = $"{Section}:{entry.Key}";
            var type = Resolve(key, entry["Type"], errors);
            var options = new AdapterOptions();
            foreach (var (name, i) in Values(entry, "DefaultCapabilities"))
            {
                if (Enum.TryParse<ChannelCapabilities>(name, ignoreCase: true, out var capability) && Enum.IsDefined(capability) && capability != ChannelCapabilities.None)
                {
                    options.DefaultCapabilities |= capability;
                }
                else
                {
                    errors.Add($"{key}:DefaultCapabilities:{i} '{name}' is not a capability. Valid: {string.Join(", ", Enum.GetNames<ChannelCapabilities>().Skip(1).Order(StringComparer.Ordinal))}.");
                }
            }

            Values(entry, "RequiredCredentials").ToList().ForEach(v => options.RequiredCredentials.Add(v.Value));
            Values(entry, "RequiredSettings").ToList().ForEach(v => options.RequiredSettings.Add(v.Value));
            if (type is not null && errors.Count == 0)
            {
                builder.Add(entry.Key, type, isLoyalty: typeof(LoyaltyBackend).IsAssignableFrom(type), o =>
                {
                    o.DefaultCapabilities = options.DefaultCapabilities;
                    o.RequiredCredentials.UnionWith(options.RequiredCredentials);
                    o.RequiredSettings.UnionWith(options.RequiredSettings);
                });
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The adapter configuration is invalid: " + string.Join(" ", errors));
        }
    }

    private static Type? Resolve(string key, string? name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{key}:Type is required: the assembly-qualified name of the backend class, e.g. 'MyCompany.Shop.ShopBackend, MyCompany.Shop'.");
            return null;
        }

        Type? type;
        try
        {
            type = Type.GetType(name, throwOnError: true);
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            errors.Add($"{key}:Type '{name}' could not be loaded ({e.Message}); its assembly must ship with the host, as a project or package reference.");
            return null;
        }

        if (type is null || type.IsAbstract || !(typeof(CommerceBackend).IsAssignableFrom(type) || typeof(LoyaltyBackend).IsAssignableFrom(type)))
        {
            errors.Add($"{key}:Type '{name}' must be a non-abstract class deriving from {nameof(CommerceBackend)} or {nameof(LoyaltyBackend)}.");
            return null;
        }

        return type;
    }

    private static IEnumerable<(string Value, int Index)> Values(IConfigurationSection entry, string name) =>
        entry.GetSection(name).GetChildren()
            .Select((c, i) => (c.Value, i))
            .Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .Select(v => (v.Value!, v.i));
}
