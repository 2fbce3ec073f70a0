using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// A Lua script run by EVALSHA. StackExchange.Redis loads it once per server and then sends only
/// its hash; when a restarted (empty) server answers NOSCRIPT, the client sends the script itself
/// within the same call. NOSCRIPT means nothing ran, so that second send never doubles an effect.
/// </summary>
internal sealed class RedisScript(string text)
{
    public string Text { get; } = text;

    public Task<RedisResult> EvaluateAsync(IDatabase database, RedisKey[] keys, RedisValue[] values) =>
        database.ScriptEvaluateAsync(Text, keys, values);
}
