namespace Fashionistas.Silo.Outbox;

/// <summary>
/// Values of <c>outbox.kind</c>; message kinds carry <c>{"orderId": "..."}</c>, CRM kinds <c>{"sponsorId": "..."}</c>,
/// <see cref="MediaDelete"/> <c>{"publicId", "url", "contentType"}</c> of the file.
/// </summary>
public static class OutboxKinds
{
    /// <summary>A paid order's tickets are issued: written by the inventory commit that issues them.</summary>
    public const string TicketConfirmation = "ticket_confirmation";

    /// <summary>Money went back to the buyer: written with the order's new refunded amount.</summary>
    public const string RefundIssued = "refund_issued";

    /// <summary>A payment attempt was declined: written with the order's failed status.</summary>
    public const string PaymentFailed = "payment_failed";

    /// <summary>
    /// An event was cancelled: every paid order is refunded in full (payload <c>{"eventId": "..."}</c>), written with
    /// the status change; each refund then announces itself with <see cref="RefundIssued"/>.
    /// </summary>
    public const string EventCancelled = "event_cancelled";

    /// <summary>A sponsor or one of its sponsorships changed: the CRM's company (and contact person) is created or updated.</summary>
    public const string CrmSponsorUpsert = "crm.sponsor.upsert";

    /// <summary>A stored file lost its row (image, collection or designer deleted): the file is removed from its store.</summary>
    public const string MediaDelete = "media.delete";

    /// <summary>
    /// Seats came back on a ticket type whose waitlist the user is on (payload <c>{"entryId","userId","ticketTypeId"}</c>):
    /// written in the waitlist round that told them.
    /// </summary>
    public const string WaitlistSeatsAvailable = "waitlist_seats_available";

    /// <summary>An order became cancelled (buyer, organizer or sweep): written by a trigger on <c>orders</c>.</summary>
    public const string OrderCancelled = "order_cancelled";

    /// <summary>
    /// A ticket was transferred (payload <c>{"ticketId"}</c>, the recipient's new ticket): written by a trigger on
    /// <c>tickets</c> in the inventory commit that issued it; both people are told.
    /// </summary>
    public const string TicketTransferred = "ticket_transferred";

    /// <summary>
    /// The owner changed attendee names after the order's confirmation read them (payload <c>{"ownerId","ticketIds"}</c>):
    /// one updated-ticket e-mail per change, and changes of one owner that are still waiting merge into it.
    /// </summary>
    public const string AttendeeUpdate = "attendee_update";

    /// <summary>An event starts within the reminder lead (payload <c>{"eventId","userId"}</c>): one per ticket holder, queued once.</summary>
    public const string EventReminder = "event_reminder";

    /// <summary>A password reset was asked for (payload <c>{"tokenId"}</c>): the token is made when the e-mail goes out.</summary>
    public const string PasswordReset = "password_reset";

    /// <summary>An account needs its e-mail confirmed (payload <c>{"tokenId"}</c>): the token is made when the e-mail goes out.</summary>
    public const string EmailVerification = "email_verification";
}
