namespace CommerceGateway.Identity.Host;

/// <summary>
/// <c>hash-secret [secret]</c>: prints the salted PBKDF2 hash of a client secret for
/// <c>Identity:Clients:{id}:SecretHash</c>. The secret comes from the argument or, safer because it stays
/// out of shell history, from the first line of standard input.
/// </summary>
internal static class HashSecretCommand
{
    public const string Name = "hash-secret";

    public static async Task<int> RunAsync(string[] args, TextReader input, bool inputRedirected, TextWriter output, TextWriter error)
    {
        if (args.Length > 1)
        {
            await error.WriteLineAsync("Usage: hash-secret [secret]   (or pipe the secret on standard input)").ConfigureAwait(false);
            return 2;
        }

        var secret = args.Length == 1 ? args[0] : null;
        if (secret is null)
        {
            if (!inputRedirected)
            {
                await error.WriteAsync("Client secret: ").ConfigureAwait(false);
            }

            secret = await input.ReadLineAsync().ConfigureAwait(false);
        }

        if (string.IsNullOrEmpty(secret))
        {
            await error.WriteLineAsync("No secret given. Usage: hash-secret [secret]   (or pipe the secret on standard input)").ConfigureAwait(false);
            return 2;
        }

        if (secret.Length < 16)
        {
            await error.WriteLineAsync("Warning: secrets shorter than 16 characters are easy to guess; prefer 32 random characters.").ConfigureAwait(false);
        }

        await output.WriteLineAsync(ClientSecretHasher.Hash(secret)).ConfigureAwait(false);
        return 0;
    }
}
