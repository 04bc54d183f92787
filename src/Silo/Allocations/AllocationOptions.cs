using System.ComponentModel.DataAnnotations;

namespace Fashionistas.Silo.Allocations;

/// <summary>Section <c>Allocations</c>: how a node resolves the codes buyers enter with a hold.</summary>
public sealed class AllocationOptions
{
    public const string Section = "Allocations";

    /// <summary>
    /// How long a node trusts that no allocation of a ticket type has a code (default 1 s; 0: never), so holds with a
    /// promo or access code cost no <c>ticket_allocations</c> query each. The node that creates an allocation forgets
    /// at once; other nodes honour its code within this time of its creation.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CodeMissCacheTime { get; set; } = TimeSpan.FromSeconds(1);
}
