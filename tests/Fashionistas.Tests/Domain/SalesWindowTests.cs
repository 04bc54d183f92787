using Fashionistas.Grains.Domain;

namespace Fashionistas.Tests.Domain;

public sealed class SalesWindowTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddDays(7);

    [Fact]
    public void AWindowWithoutBoundsIsAlwaysOpen() =>
        Assert.True(SalesWindow.IsOpen(null, null, Start).Allowed);

    [Fact]
    public void SalesOpenAtTheStartInstant()
    {
        Assert.False(SalesWindow.IsOpen(Start, End, Start.AddTicks(-1)).Allowed);
        Assert.True(SalesWindow.IsOpen(Start, End, Start).Allowed);
    }

    [Fact]
    public void SalesCloseAtTheEndInstant()
    {
        Assert.True(SalesWindow.IsOpen(Start, End, End.AddTicks(-1)).Allowed);
        var closed = SalesWindow.IsOpen(Start, End, End);
        Assert.False(closed.Allowed);
        Assert.StartsWith("Sales closed", closed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ABeforeStartRefusalSaysWhenSalesOpen()
    {
        var check = SalesWindow.IsOpen(Start, null, Start.AddHours(-1));

        Assert.StartsWith("Sales open at 2025-03-01T09:00:00", check.Reason, StringComparison.Ordinal);
    }
}
