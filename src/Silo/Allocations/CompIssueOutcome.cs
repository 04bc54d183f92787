using Fashionistas.Grains.Contracts;

namespace Fashionistas.Silo.Allocations;

/// <summary>What issuing comp tickets came to.</summary>
public abstract record CompIssueOutcome
{
    private CompIssueOutcome()
    {
    }

    public sealed record Issued(IReadOnlyList<IssuedComp> Comps, AllocationSeats Seats) : CompIssueOutcome;

    public sealed record NotEnoughSeats(int Remaining) : CompIssueOutcome;

    public sealed record Refused(string Reason) : CompIssueOutcome;

    public sealed record NotFound : CompIssueOutcome;
}
