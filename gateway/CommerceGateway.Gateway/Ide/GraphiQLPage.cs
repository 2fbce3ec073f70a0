using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CommerceGateway.Gateway.Ide;

/// <summary>
/// Serves the prebuilt GraphiQL files: the page at GET /graphql to a browser (a request that accepts
/// HTML and carries no query), its assets under /graphiql/. Every other request to /graphql is left
/// to the GraphQL endpoint, so GraphQL over HTTP GET keeps working.
/// </summary>
internal static class GraphiQLPage
{
    public const string AssetsPath = "/graphiql";

    public static WebApplication UseGraphiQL(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "graphiql");
        if (!File.Exists(Path.Combine(folder, "index.html")))
        {
            // A build without npm: the gateway serves everything else, and says what is missing.
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphiQLPage).FullName!);
            IdeLog.PageMissing(logger, folder);
            return app;
        }

        var files = new PhysicalFileProvider(folder);
        app.UseWhen(IsPageRequest, page => page.Run(context => ServePageAsync(context, files)));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = AssetsPath });
        return app;
    }

    private static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.Request.Path.Equals("/graphql", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Query.ContainsKey("query")
        && context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static Task ServePageAsync(HttpContext context, PhysicalFileProvider files)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        // The page's script and styles come from this origin only.
        context.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:";
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted);
    }
}
