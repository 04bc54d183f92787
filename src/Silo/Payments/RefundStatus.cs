namespace Fashionistas.Silo.Payments;

/// <summary>Where a refund stands right after it was requested.</summary>
public enum RefundStatus
{
    /// <summary>The money is on its way back to the buyer.</summary>
    Succeeded,

    /// <summary>Accepted but not final (some methods settle later); the outcome arrives by webhook.</summary>
    Pending,

    /// <summary>The provider refused (already refunded, disputed, amount too large ...).</summary>
    Failed,
}
