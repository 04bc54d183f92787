using System.Security.Cryptography;
using Fashionistas.Grains.Contracts;
using Fashionistas.Silo.Accounts;
using Microsoft.Extensions.Logging;
using Orleans;

namespace Fashionistas.Silo.Allocations;

/// <summary>
/// The organizer's side of reserved allocations: create one (its row, then its seats from the ticket-type grain),
/// issue comp tickets from it to named people, release its unused seats to the public. The grain decides and counts.
/// </summary>
public sealed class AllocationService(
    AllocationStore allocations, UserStore users, IGrainFactory grains, HoldCodeResolver codes, ILogger<AllocationService> logger)
{
    private const string Attendee = "attendee";

    public async Task<AllocationOutcome> CreateAsync(Guid eventId, AllocationFields fields, Guid createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var id = Guid.CreateVersion7();
        if (await allocations.InsertAsync(id, eventId, fields, createdBy, cancellationToken) is { } refused)
        {
            return new AllocationOutcome.Refused(refused);
        }

        var answer = await grains.GetGrain<ITicketTypeGrain>(fields.TicketTypeId).Allocate(id, fields.Quantity);
        if (fields.Code is { } code)
        {
            // Holds on this node honour the new code at once (other nodes within Allocations:CodeMissCacheTime).
            codes.Forget(fields.TicketTypeId, code);
        }

        if (answer is not AllocationResult.Ok)
        {
            // The grain wrote nothing of it: the row goes, so nothing of the request stays (nor this node's memory of its code).
            await allocations.DeleteUnusedAsync(id, cancellationToken);
            if (fields.Code is { } refusedCode)
            {
                codes.Forget(fields.TicketTypeId, refusedCode);
            }

            return answer is AllocationResult.Refused r ? new AllocationOutcome.Refused(r.Reason) : new AllocationOutcome.NotFound("No such ticket type.");
        }

        logger.LogInformation("Allocation {AllocationId} sets aside {Quantity} seats of ticket type {TicketTypeId}", id, fields.Quantity, fields.TicketTypeId);
        return new AllocationOutcome.Done(await RequireAsync(id, cancellationToken));
    }

    public async Task<AllocationOutcome> ReleaseAsync(Allocation allocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var answer = await grains.GetGrain<ITicketTypeGrain>(allocation.TicketTypeId).ReleaseAllocation(allocation.Id);
        return answer switch
        {
            AllocationResult.Ok => new AllocationOutcome.Done(await RequireAsync(allocation.Id, cancellationToken)),
            AllocationResult.Refused r => new AllocationOutcome.Refused(r.Reason),
            _ => new AllocationOutcome.NotFound("No such allocation."),
        };
    }

    /// <summary>
    /// One comp ticket per guest, owned by the guest's account (made for an e-mail nobody registered: its owner sets a
    /// password through "forgot password"). Seats are checked first, so a refused request makes no accounts.
    /// </summary>
    public async Task<CompIssueOutcome> IssueAsync(Allocation allocation, IReadOnlyList<CompGuest> guests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(guests);
        var grain = grains.GetGrain<ITicketTypeGrain>(allocation.TicketTypeId);
        var seats = (await grain.GetAllocations()).FirstOrDefault(a => a.AllocationId == allocation.Id);
        var remaining = seats?.Remaining ?? 0;
        if (guests.Count > remaining)
        {
            return new CompIssueOutcome.NotEnoughSeats(remaining);
        }

        var recipients = new CompRecipient[guests.Count];
        for (var i = 0; i < guests.Count; i++)
        {
            var guest = guests[i];
            var account = await users.FindByEmailAsync(guest.Email, cancellationToken)
                ?? await users.CreateAsync(guest.Email, NewUnusablePassword(), guest.Name, [Attendee], cancellationToken)
                ?? await users.FindByEmailAsync(guest.Email, cancellationToken)
                ?? throw new InvalidOperationException($"The account of {guest.Email} vanished after its insert.");
            recipients[i] = new CompRecipient(account.Id, guest.Name.Trim());
        }

        return await grain.IssueComps(allocation.Id, recipients) switch
        {
            CompResult.Issued issued => new CompIssueOutcome.Issued(issued.Comps, issued.Seats),
            CompResult.NotEnoughSeats none => new CompIssueOutcome.NotEnoughSeats(none.Remaining),
            CompResult.Invalid invalid => new CompIssueOutcome.Refused(invalid.Reason),
            _ => new CompIssueOutcome.NotFound(),
        };
    }

    private async Task<Allocation> RequireAsync(Guid id, CancellationToken cancellationToken) =>
        await allocations.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Allocation {id} vanished.");

    // Nobody knows it: the guest signs in after setting their own password by e-mail.
    private static string NewUnusablePassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
