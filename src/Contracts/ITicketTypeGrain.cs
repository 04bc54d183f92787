using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>
/// The inventory of one ticket type (key = ticket type id): holds, sales and returns, each decided in
/// memory and committed to PostgreSQL in batches before anyone is answered.
/// </summary>
[Alias("Fashionistas.ITicketTypeGrain")]
public interface ITicketTypeGrain : IGrainWithGuidKey
{
    /// <summary>Holds seats for a buyer while the event is on sale, within the sales window and the buyer's limit.</summary>
    Task<HoldResult> Hold(HoldRequest request);

    /// <summary>Gives a hold's seats back early; only its owner may.</summary>
    Task<ReleaseResult> Release(Guid holdId, Guid buyerId);

    /// <summary>The live counters (including holds not yet answered); null when the ticket type does not exist.</summary>
    Task<AvailabilitySnapshot?> GetAvailability();

    /// <summary>
    /// After payment: turns the hold of <paramref name="sale"/> into sold seats and issues one ticket per seat,
    /// marking the order paid in the same transaction. An expired hold still sells while seats remain (a hold priced
    /// with a code only if the code counts its use again); otherwise the answer is <see cref="SaleResult.NoSeats"/>
    /// (also to later retries of that order) and the caller refunds.
    /// Idempotent per order: a retry gets the same tickets. The caller passes the order as it just read it, so the
    /// grain does no I/O while it holds its turn; the commit checks the order row still awaits payment.
    /// </summary>
    Task<SaleResult> ConfirmSale(SaleRequest sale);

    /// <summary>For refunds: voids the order's named tickets and returns their seats. Idempotent.</summary>
    Task<ReturnResult> ReturnSeats(Guid orderId, Guid[] ticketIds);

    /// <summary>
    /// Gives a valid ticket of <paramref name="orderId"/> to <paramref name="newOwnerId"/>: the old ticket becomes
    /// transferred and a new ticket with a new code is issued in the same order, in one transaction. The seat stays
    /// sold and still counts for the order's buyer. Whether the caller owns the ticket is the caller's check.
    /// </summary>
    Task<TransferResult> TransferTicket(Guid orderId, Guid ticketId, Guid newOwnerId);

    /// <summary>Changes the definition (called by the event grain, which checks the event-wide capacity).</summary>
    Task<TicketTypeResult> UpdateDefinition(TicketTypeDefinition definition);

    /// <summary>
    /// Sets aside <paramref name="quantity"/> seats for an allocation (its row exists, created by the caller): taken from
    /// the public pool, never below the seats the allocation already used. Called again, it changes the quantity.
    /// </summary>
    Task<AllocationResult> Allocate(Guid allocationId, int quantity);

    /// <summary>Gives the allocation's unused seats back to the public sale in one step (its quantity becomes what it used).</summary>
    Task<AllocationResult> ReleaseAllocation(Guid allocationId);

    /// <summary>
    /// Issues one free comp ticket per recipient from the allocation, each in its own paid order with its confirmation
    /// message, all in one commit: every recipient gets a ticket, or nobody.
    /// </summary>
    Task<CompResult> IssueComps(Guid allocationId, CompRecipient[] recipients);

    /// <summary>The allocations' seats as this activation knows them.</summary>
    Task<AllocationSeats[]> GetAllocations();

    /// <summary>One-way push from the event grain when the event's status changes.</summary>
    Task SetEventStatus(EventStatus status);
}
