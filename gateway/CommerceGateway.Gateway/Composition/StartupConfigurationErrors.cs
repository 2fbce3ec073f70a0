using System.Reflection;
using Microsoft.Extensions.Options;

namespace CommerceGateway.Gateway.Composition;

/// <summary>
/// A start-up refused for bad configuration, or for a signing key file that cannot be read, ends with one
/// line per problem, each naming its key or file, and exit code 1, instead of an unhandled exception with
/// a stack trace that buries it.
/// </summary>
internal static class StartupConfigurationErrors
{
    /// <summary>What the process exits with when its configuration is refused.</summary>
    public const int ExitCode = 1;

    /// <summary>
    /// Whether the gateway is the process itself. Under WebApplicationFactory the entry assembly is the
    /// test host, which needs the exception itself to see why the start failed.
    /// </summary>
    public static bool OwnsProcess => Assembly.GetEntryAssembly() == typeof(StartupConfigurationErrors).Assembly;

    /// <summary>
    /// Runs the start-up validation of every options class, and makes every hosted service (which reads
    /// its options and key store as it is made), before the host starts: a failure then reaches the
    /// caller before the host logs it with a stack trace.
    /// </summary>
    public static void ValidateBeforeStart(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();
        _ = services.GetServices<IHostedService>().ToList();
    }

    /// <summary>The validation failures in <paramref name="exception"/> and its inner exceptions; empty when it is another fault.</summary>
    public static IReadOnlyList<string> From(Exception exception)
    {
        var failures = new List<string>();
        Collect(exception, failures);
        return failures;
    }

    /// <summary>Writes the failures, one per line.</summary>
    public static void Write(IReadOnlyList<string> failures, TextWriter error)
    {
        foreach (var failure in failures)
        {
            error.WriteLine($"CommerceGateway cannot start: {failure}");
        }
    }

    private static void Collect(Exception? exception, List<string> failures)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                failures.AddRange(validation.Failures);
                break;
            case InvalidDataException or UnauthorizedAccessException:
                // A corrupt key file or key document, a configuration file that does not parse, a key folder
                // this user may not read: the message names the file and what to do.
                failures.Add(exception.Message);
                break;
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, failures);
                }

                break;
            case not null:
                Collect(exception.InnerException, failures);
                break;
        }
    }
}
