namespace Fashionistas.Silo.Industry;

/// <summary>
/// What a sponsorship package can promise. Comp tickets are not here: they need ticket allocations, which the
/// ticketing side does not have yet.
/// </summary>
public static class SponsorBenefitKinds
{
    public const string Logo = "logo";
    public const string Activation = "activation";

    public static IReadOnlyList<string> All { get; } = [Logo, Activation];
}
