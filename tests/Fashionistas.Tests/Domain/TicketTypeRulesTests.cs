using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;

namespace Fashionistas.Tests.Domain;

public sealed class TicketTypeRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TicketTypeDefinition Valid = new("VIP", "Front row", Price: 250_000, Capacity: 100, PerBuyerLimit: 4);

    public static TheoryData<TicketTypeDefinition> Malformed => new()
    {
        Valid with { Name = " " },
        Valid with { Name = new string('x', DefinitionLimits.MaxNameLength + 1) },
        Valid with { Price = -1 },
        Valid with { Price = DefinitionLimits.MaxPrice + 1 },
        Valid with { Capacity = -1 },
        Valid with { PerBuyerLimit = 0 },
        Valid with { SalesStart = Now, SalesEnd = Now },
        Valid with { EarlyBirdPrice = 100_000 },
        Valid with { EarlyBirdDeadline = Now },
        Valid with { EarlyBirdPrice = -5, EarlyBirdDeadline = Now },
        Valid with { GroupDiscountThreshold = 4 },
        Valid with { GroupDiscountPercentage = 10 },
        Valid with { GroupDiscountThreshold = 1, GroupDiscountPercentage = 10 },
        Valid with { GroupDiscountThreshold = 4, GroupDiscountPercentage = 101 },
    };

    [Fact]
    public void AWellFormedDefinitionIsValid()
    {
        var full = Valid with
        {
            SalesStart = Now,
            SalesEnd = Now.AddDays(1),
            EarlyBirdPrice = 200_000,
            EarlyBirdDeadline = Now.AddHours(1),
            GroupDiscountThreshold = 3,
            GroupDiscountPercentage = 10,
        };

        Assert.True(TicketTypeRules.Validate(Valid).Allowed);
        Assert.True(TicketTypeRules.Validate(full).Allowed);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedDefinitionsAreRefusedWithAReason(TicketTypeDefinition definition)
    {
        var check = TicketTypeRules.Validate(definition);

        Assert.False(check.Allowed);
        Assert.False(string.IsNullOrWhiteSpace(check.Reason));
    }

    [Fact]
    public void TicketTypesTogetherMayFillButNotExceedTheVenue()
    {
        Assert.True(TicketTypeRules.FitsEventCapacity(eventCapacity: 500, otherTypesCapacity: 400, capacity: 100).Allowed);
        Assert.False(TicketTypeRules.FitsEventCapacity(eventCapacity: 500, otherTypesCapacity: 400, capacity: 101).Allowed);
    }

    [Fact]
    public void CapacityCannotDropBelowSeatsHeldPlusSold()
    {
        Assert.True(TicketTypeRules.CapacityCoversSeatsTaken(capacity: 10, held: 4, sold: 6).Allowed);
        Assert.False(TicketTypeRules.CapacityCoversSeatsTaken(capacity: 9, held: 4, sold: 6).Allowed);
    }
}
