using Fashionistas.Grains.Contracts;
using Orleans;
using Fashionistas.Silo.Accounts;
using Fashionistas.Silo.Tickets;
using Microsoft.Extensions.Logging;

namespace Fashionistas.Silo.Checkout;

/// <summary>
/// Gives a ticket to another registered user: the ticket-type grain marks the old ticket transferred and issues the
/// recipient a new one with a new code (same order, type and event) in one transaction, so the old code stops working
/// at check-in and for its QR the moment the answer is sent. A ticket already scanned at the door stays with its owner.
/// </summary>
public sealed class TransferService(TicketQueries tickets, UserStore users, IGrainFactory grains, ILogger<TransferService> logger)
{
    private const string Valid = "valid";

    public async Task<TransferOutcome> TransferAsync(string code, Guid ownerId, string recipientEmail, CancellationToken cancellationToken)
    {
        var ticket = await tickets.FindByCodeAsync(code, cancellationToken);
        if (ticket is null || ticket.OwnerId != ownerId)
        {
            return new TransferOutcome.NotFound();
        }

        if (ticket.Status != Valid)
        {
            return new TransferOutcome.NotTransferable($"The ticket is {ticket.Status}.");
        }

        if (ticket.CheckedInAt is not null)
        {
            return new TransferOutcome.NotTransferable("The ticket was already used at the door.");
        }

        var recipient = await users.FindByEmailAsync(recipientEmail, cancellationToken);
        if (recipient is null)
        {
            return new TransferOutcome.RecipientNotFound();
        }

        if (recipient.Id == ownerId)
        {
            return new TransferOutcome.NotTransferable("The ticket is already yours.");
        }

        var result = await grains.GetGrain<ITicketTypeGrain>(ticket.TicketTypeId).TransferTicket(ticket.OrderId, ticket.Id, recipient.Id);
        switch (result)
        {
            case TransferResult.Transferred transferred:
                logger.LogInformation(
                    "Ticket {TicketId} transferred from {FromUserId} to {ToUserId} as {NewTicketId}",
                    ticket.Id, ownerId, recipient.Id, transferred.NewTicket.TicketId);
                return new TransferOutcome.Transferred(ticket.Id, transferred.NewTicket.TicketId, recipient.Id);
            case TransferResult.Invalid invalid:
                return new TransferOutcome.NotTransferable(invalid.Reason);
            default:
                return new TransferOutcome.NotFound();
        }
    }
}
