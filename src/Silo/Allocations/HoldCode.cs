namespace Fashionistas.Silo.Allocations;

/// <summary>What a code entered with a hold means for one ticket type.</summary>
public abstract record HoldCode
{
    private HoldCode()
    {
    }

    public static HoldCode UnknownCode { get; } = new Unknown();

    /// <summary>The code of a reserved allocation: the hold draws from it, not from the public pool.</summary>
    public sealed record AllocationCode(Guid AllocationId) : HoldCode;

    /// <summary>No code of this ticket type matches.</summary>
    public sealed record Unknown : HoldCode;
}
