namespace CommerceGateway.Identity.Endpoints;

/// <summary>The parameters of a request body, each with its values; empty values count as omitted (RFC 6749 §3.1).</summary>
internal sealed class OAuthParameters
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>The single value of a parameter, or null when it was omitted.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var values) ? values[0] : null;

    /// <summary>Every value of a parameter that may repeat (RFC 8707 <c>resource</c>).</summary>
    public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out var values) ? values : [];

    public void Add(string name, string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (!_values.TryGetValue(name, out var values))
        {
            values = [];
            _values[name] = values;
        }

        values.Add(value);
    }
}
