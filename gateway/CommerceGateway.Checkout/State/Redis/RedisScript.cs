using StackExchange.Redis;

namespace CommerceGateway.Checkout.State.Redis;

/// <summary>
/// A Lua script run by EVALSHA. StackExchange.Redis loads it once per server and then sends only
/// its hash; when a restarted (empty) server answers NOSCRIPT, the script is loaded again and the
/// call repeated once. Scripts are atomic, so a repeated call never doubles an effect.
/// </summary>
internal sealed class RedisScript(string text)
{
    public string Text { get; } = text;

    public async Task<RedisResult> EvaluateAsync(IDatabase database, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await database.ScriptEvaluateAsync(Text, keys, values);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            var multiplexer = database.Multiplexer;
            foreach (var endPoint in multiplexer.GetEndPoints())
            {
                var server = multiplexer.GetServer(endPoint);
                if (server.IsConnected)
                {
                    await server.ScriptLoadAsync(Text);
                }
            }

            return await database.ScriptEvaluateAsync(Text, keys, values);
        }
    }
}
