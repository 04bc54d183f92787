namespace Fashionistas.Silo.Payments;

/// <summary>The outcome of <see cref="IPaymentProvider.RefundAsync"/>.</summary>
/// <param name="Status">Succeeded, pending or failed.</param>
/// <param name="RefundReference">The provider's refund id (<c>re_...</c>, <c>test_re_...</c>); null when failed before one existed.</param>
/// <param name="FailureReason">A provider code such as <c>charge_already_refunded</c> when failed.</param>
public sealed record RefundResult(RefundStatus Status, string? RefundReference, string? FailureReason)
{
    public static RefundResult Succeeded(string refundReference) => new(RefundStatus.Succeeded, refundReference, null);

    public static RefundResult Pending(string refundReference) => new(RefundStatus.Pending, refundReference, null);

    public static RefundResult Failed(string? refundReference, string failureReason) =>
        new(RefundStatus.Failed, refundReference, failureReason);
}
