using System.Globalization;
using CommerceGateway.Testing;

namespace CommerceGateway.Benchmarks.Partners;

/// <summary>
/// Debian's nginx as the reference reverse proxy: a generated config in the run's temp folder,
/// in the foreground (<c>daemon off</c>) under the benchmark, with a keep-alive pool to the upstream.
/// </summary>
internal static class NginxProxy
{
    public static async Task<ChildServer> StartAsync(string binary, string folder, int port, int upstreamPort, string upstreamCredential)
    {
        var prefix = Path.Combine(folder, "nginx");
        Directory.CreateDirectory(prefix);
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(prefix, port, upstreamPort, upstreamCredential));
        return await ChildServer.StartAsync(
            "nginx", "timeout", ["--kill-after=5s", "30m", binary, "-p", prefix + "/", "-c", config, "-e", Path.Combine(prefix, "error.log")], port);
    }

    /// <summary>
    /// worker_processes auto: one worker per core (2 here), so nginx may use the same CPUs as the
    /// gateway's thread pool; one worker would cap it at one core and flatter the gateway.
    /// The upstream's Authorization is replaced by the upstream credential, as the gateway does.
    /// </summary>
    private static string Config(string prefix, int port, int upstreamPort, string upstreamCredential) => string.Create(CultureInfo.InvariantCulture, $$"""
        daemon off;
        master_process on;
        worker_processes auto;
        pid {{prefix}}/nginx.pid;
        error_log {{prefix}}/error.log warn;

        events {
            worker_connections 4096;
        }

        http {
            access_log off;
            client_body_temp_path {{prefix}}/client_body;
            proxy_temp_path {{prefix}}/proxy;
            fastcgi_temp_path {{prefix}}/fastcgi;
            uwsgi_temp_path {{prefix}}/uwsgi;
            scgi_temp_path {{prefix}}/scgi;

            upstream bench_upstream {
                server 127.0.0.1:{{upstreamPort}};
                keepalive 64;
                keepalive_requests 100000000;
            }

            server {
                listen 127.0.0.1:{{port}};
                # Like Kestrel, never close a busy keep-alive connection (nginx's default is after 1000 requests).
                keepalive_requests 100000000;
                location / {
                    proxy_pass http://bench_upstream;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Authorization "Token {{upstreamCredential}}";
                }
            }
        }
        """);
}
