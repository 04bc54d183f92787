namespace Fashionistas.Silo.Checkout;

/// <summary>The answer to <see cref="TransferService.TransferAsync"/>.</summary>
public abstract record TransferOutcome
{
    private TransferOutcome()
    {
    }

    /// <summary>The old code is dead; <paramref name="NewTicketId"/> now belongs to <paramref name="RecipientId"/>.</summary>
    public sealed record Transferred(Guid OldTicketId, Guid NewTicketId, Guid RecipientId) : TransferOutcome;

    /// <summary>No such ticket among the caller's.</summary>
    public sealed record NotFound : TransferOutcome;

    /// <summary>No registered user has that e-mail.</summary>
    public sealed record RecipientNotFound : TransferOutcome;

    /// <summary>The ticket cannot change hands (void, transferred, already scanned, or to oneself).</summary>
    public sealed record NotTransferable(string Reason) : TransferOutcome;
}
