namespace Fashionistas.Grains.Domain;

/// <summary>The storage names of <see cref="HoldStatus"/> (holds.status CHECK).</summary>
public static class HoldStatusNames
{
    public static string ToStorageName(this HoldStatus status) => status switch
    {
        HoldStatus.Active => "active",
        HoldStatus.Released => "released",
        HoldStatus.Expired => "expired",
        HoldStatus.Converted => "converted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown hold status."),
    };

    public static HoldStatus Parse(string name) => name switch
    {
        "active" => HoldStatus.Active,
        "released" => HoldStatus.Released,
        "expired" => HoldStatus.Expired,
        "converted" => HoldStatus.Converted,
        _ => throw new FormatException($"'{name}' is not a hold status."),
    };
}
