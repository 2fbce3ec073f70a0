namespace CommerceGateway.Benchmarks.Partners;

/// <summary>One of the three paths to the upstream: a name for the report and the URL the load tools call.</summary>
internal sealed record LoadTarget(string Name, Uri Url)
{
    public int Port => Url.Port;

    public string PathAndQuery => Url.PathAndQuery;
}
