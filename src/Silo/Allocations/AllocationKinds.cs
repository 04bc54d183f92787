namespace Fashionistas.Silo.Allocations;

/// <summary>Who a reserved allocation is for (ticket_allocations.kind).</summary>
public static class AllocationKinds
{
    public const string Sponsor = "sponsor";
    public const string Designer = "designer";
    public const string Press = "press";
    public const string Comps = "comps";

    public static IReadOnlyList<string> All { get; } = [Sponsor, Designer, Press, Comps];
}
