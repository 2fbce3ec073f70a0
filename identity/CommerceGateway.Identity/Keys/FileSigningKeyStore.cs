using System.Text.Json;

namespace CommerceGateway.Identity;

/// <summary>
/// Keeps each signing key as <c>{kid}.json</c> in a folder, readable by the owner only on Unix. Writes go
/// to a temporary file first and are renamed into place, so a crash never leaves half a key.
/// </summary>
public sealed class FileSigningKeyStore : ISigningKeyStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Creates a store in <paramref name="directory"/>, creating the folder when it is missing.</summary>
    /// <param name="directory">The folder for the key files.</param>
    public FileSigningKeyStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The absolute folder the key files are in.</summary>
    public string Directory { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SigningKeyRecord>> GetKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new List<SigningKeyRecord>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            try
            {
                await using var stream = File.OpenRead(file);
                var key = await JsonSerializer.DeserializeAsync<SigningKeyRecord>(stream, Json, cancellationToken)
                    ?? throw new InvalidDataException("empty");
                keys.Add(key);
            }
            catch (FileNotFoundException)
            {
                // Another replica removed an expired key between listing and reading.
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"The signing key file '{file}' is corrupt. Restore it from a backup or delete it (tokens it signed stop validating).", exception);
            }
        }

        return keys;
    }

    /// <inheritdoc />
    public async Task AddKeyAsync(SigningKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var target = PathOf(key.KeyId);
        if (File.Exists(target))
        {
            return;
        }

        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(stream, key, Json, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        File.Move(temporary, target, overwrite: true);
    }

    /// <inheritdoc />
    public Task RemoveKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(keyId));
        return Task.CompletedTask;
    }

    private string PathOf(string keyId)
    {
        if (keyId.Length == 0 || keyId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new ArgumentException($"Key id '{keyId}' is not base64url.", nameof(keyId));
        }

        return Path.Combine(Directory, keyId + ".json");
    }
}
