using Microsoft.Extensions.Configuration;

namespace CommerceGateway.Gateway.Tests.Infrastructure;

/// <summary>A configuration source a test changes while the gateway runs, signalling a reload like a changed file.</summary>
public sealed class ReloadableConfiguration : IConfigurationSource
{
    private readonly Provider _provider = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    /// <summary>Sets the values, then signals one reload.</summary>
    public void Set(IDictionary<string, string?> values)
    {
        foreach (var (key, value) in values)
        {
            _provider.Put(key, value);
        }

        _provider.Reload();
    }

    private sealed class Provider : ConfigurationProvider
    {
        public void Put(string key, string? value) => Data[key] = value;

        public void Reload() => OnReload();
    }
}
