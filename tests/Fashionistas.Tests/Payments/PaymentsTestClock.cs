namespace Fashionistas.Tests.Payments;

/// <summary>A clock the test sets by hand.</summary>
public sealed class PaymentsTestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
