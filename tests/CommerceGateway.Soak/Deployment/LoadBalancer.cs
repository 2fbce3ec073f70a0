using System.Globalization;
using CommerceGateway.Testing;

namespace CommerceGateway.Soak.Deployment;

/// <summary>
/// Debian's nginx in front of the replicas, round robin. A replica that refuses connections is
/// skipped (proxy_next_upstream error) and rested for a few seconds; a request already sent to a
/// replica that dies is not re-sent, as nginx never replays a POST, so its caller sees a 502 and
/// retries with its idempotency key.
/// </summary>
internal static class LoadBalancer
{
    public static async Task<ChildServer> StartAsync(string folder, int port, IReadOnlyList<int> replicaPorts)
    {
        var binary = await DebianTool.RequireAsync("nginx", "nginx");
        var prefix = Path.Combine(folder, "nginx");
        Directory.CreateDirectory(prefix);
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(prefix, port, replicaPorts));
        return await ChildServer.StartAsync(
            "nginx", "timeout", ["--kill-after=5s", "30m", binary, "-p", prefix + "/", "-c", config, "-e", Path.Combine(prefix, "error.log")], port);
    }

    private static string Config(string prefix, int port, IReadOnlyList<int> replicaPorts)
    {
        var servers = string.Concat(replicaPorts.Select(p => string.Create(CultureInfo.InvariantCulture, $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=3s;\n")));
        return string.Create(CultureInfo.InvariantCulture, $$"""
            daemon off;
            master_process on;
            worker_processes 1;
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

                upstream gateways {
            {{servers}}        keepalive 64;
                }

                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://gateways;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_next_upstream error timeout;
                        proxy_connect_timeout 1s;
                        proxy_read_timeout 30s;
                    }
                }
            }
            """);
    }
}
