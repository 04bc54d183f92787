namespace Fashionistas.Grains.Domain;

/// <summary>The answer of a yes/no business rule, with the reason when it is no.</summary>
public sealed record RuleCheck(bool Allowed, string? Reason)
{
    public static RuleCheck Ok { get; } = new(true, null);

    public static RuleCheck Refused(string reason) => new(false, reason);
}
