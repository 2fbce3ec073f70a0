using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CommerceGateway.Identity;

/// <summary>
/// Salted slow hashes of client secrets: PBKDF2 with HMAC-SHA256, a 16-byte random salt and
/// <see cref="DefaultIterations"/> iterations, written as <c>pbkdf2-sha256${iterations}${salt}${hash}</c>
/// (base64). Verification compares in constant time.
/// </summary>
public static class ClientSecretHasher
{
    /// <summary>The iteration count of new hashes (OWASP's recommendation for PBKDF2-HMAC-SHA256).</summary>
    public const int DefaultIterations = 600_000;

    private const string Prefix = "pbkdf2-sha256";
    private const int SaltSize = 16;
    private const int HashSize = 32;
    private const int MinimumIterations = 1_000;

    /// <summary>Hashes <paramref name="secret"/> with a new random salt and <see cref="DefaultIterations"/>.</summary>
    /// <param name="secret">The client secret; at least one character.</param>
    /// <returns>The hash string to configure as <c>Identity:Clients:{id}:SecretHash</c>.</returns>
    public static string Hash(string secret) => Hash(secret, DefaultIterations);

    /// <summary>Hashes <paramref name="secret"/> with a new random salt and the given iteration count.</summary>
    /// <param name="secret">The client secret; at least one character.</param>
    /// <param name="iterations">PBKDF2 iterations, at least 1,000. Lower counts than the default are for tests only.</param>
    /// <returns>The hash string.</returns>
    public static string Hash(string secret, int iterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinimumIterations);
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var hash = Derive(secret, salt, iterations);
        return string.Join('$', Prefix, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="secret"/> matches <paramref name="secretHash"/>, compared in constant time.</summary>
    /// <param name="secret">The presented secret.</param>
    /// <param name="secretHash">A hash made by <see cref="Hash(string)"/>.</param>
    /// <returns><see langword="true"/> when they match; <see langword="false"/> otherwise or when the hash is malformed.</returns>
    public static bool Verify(string secret, string secretHash)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!TryParse(secretHash, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Derive(secret, salt, iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Whether <paramref name="secretHash"/> has the format <see cref="Hash(string)"/> writes.</summary>
    /// <param name="secretHash">The configured hash.</param>
    /// <returns><see langword="true"/> when it can be used for verification.</returns>
    public static bool IsWellFormed(string? secretHash) => TryParse(secretHash, out _, out _, out _);

    private static byte[] Derive(string secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, HashSize);

    private static bool TryParse(string? value, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        var parts = value?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Prefix
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations < MinimumIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= SaltSize && hash.Length == HashSize;
    }
}
