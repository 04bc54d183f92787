using System.Security.Cryptography;
using System.Text;

namespace Fashionistas.Silo.Media.Cloudinary;

/// <summary>
/// Cloudinary's request signature: the signed parameters sorted by name, joined as
/// <c>a=1&amp;b=2</c>, the API secret appended, SHA-1, lower-case hex. <c>file</c>, <c>cloud_name</c>,
/// <c>resource_type</c> and <c>api_key</c> are never signed.
/// </summary>
public static class CloudinarySignature
{
    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string apiSecret)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var toSign = string.Join(
            '&',
            parameters.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
#pragma warning disable CA5350 // SHA-1 is what Cloudinary's signature scheme specifies, not our choice.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(toSign + apiSecret)));
#pragma warning restore CA5350
    }
}
