using Fashionistas.Grains.Contracts;

namespace Fashionistas.Silo.Codes;

/// <summary>What a code typed by a buyer is: usable (with its live uses), refused now (and why), or unknown.</summary>
public abstract record CodeResolution
{
    private CodeResolution()
    {
    }

    public static CodeResolution NotFoundResult { get; } = new NotFound();

    public sealed record Resolved(PromoCodeView Code) : CodeResolution;

    public sealed record Refused(string Reason) : CodeResolution;

    public sealed record NotFound : CodeResolution;
}
