namespace CommerceGateway.Gateway.Operations.Prometheus;

/// <summary>
/// How one instrument appears in the exposition: its metric family name and labels every series
/// of it carries. Two instruments may share a family (for example two limiters' rejections) when
/// their constant labels tell them apart.
/// </summary>
internal sealed record PrometheusName(string Family, IReadOnlyList<KeyValuePair<string, string>> ConstantLabels)
{
    public PrometheusName(string family)
        : this(family, [])
    {
    }
}
