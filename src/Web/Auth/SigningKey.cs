using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Auth;

/// <summary>The HMAC key for access tokens: from configuration, or generated once into the data folder.</summary>
public sealed class SigningKey
{
    private const int MinimumBytes = 32;

    public SigningKey(IOptions<JwtOptions> options, ILogger<SigningKey> logger)
    {
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.SigningKey))
        {
            Bytes = Convert.FromBase64String(o.SigningKey);
        }
        else if (File.Exists(o.KeyFile))
        {
            Bytes = Convert.FromBase64String(File.ReadAllText(o.KeyFile).Trim());
        }
        else
        {
            Bytes = RandomNumberGenerator.GetBytes(64);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(o.KeyFile))!);
            File.WriteAllText(o.KeyFile, Convert.ToBase64String(Bytes));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(o.KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            logger.LogInformation("Generated a token signing key in {KeyFile}", o.KeyFile);
        }

        if (Bytes.Length < MinimumBytes)
        {
            throw new InvalidOperationException($"Auth:SigningKey must be at least {MinimumBytes} bytes (base64).");
        }
    }

    public byte[] Bytes { get; }
}
