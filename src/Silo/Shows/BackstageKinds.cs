namespace Fashionistas.Silo.Shows;

/// <summary>What a backstage slot is for.</summary>
public static class BackstageKinds
{
    public const string Fitting = "fitting";
    public const string HairMakeup = "hair_makeup";
    public const string Rehearsal = "rehearsal";
    public const string Call = "call";

    public static IReadOnlyList<string> All { get; } = [Fitting, HairMakeup, Rehearsal, Call];
}
