namespace Fashionistas.Silo.Allocations;

/// <summary>What creating or releasing an allocation came to.</summary>
public abstract record AllocationOutcome
{
    private AllocationOutcome()
    {
    }

    public sealed record Done(Allocation Allocation) : AllocationOutcome;

    /// <summary>Refused as asked (not enough public seats, a code in use, a sponsor not of this event...).</summary>
    public sealed record Refused(string Reason) : AllocationOutcome;

    public sealed record NotFound(string What) : AllocationOutcome;
}
