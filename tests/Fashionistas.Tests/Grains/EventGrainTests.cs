using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Tests.Grains.Support;
using Fashionistas.Tests.Infrastructure;

namespace Fashionistas.Tests.Grains;

public sealed class EventGrainTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task CreatingAnEventStoresADraftWithItsFirstHistoryRow()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var organizer = (await TestData.UsersAsync(db.DataSource, 1))[0];
        var eventId = Guid.NewGuid();

        var created = Assert.IsType<EventResult.Ok>(await silo.Get<IEventGrain>(eventId).Create(TestData.Draft(), organizer)).Event;

        Assert.Equal((eventId, organizer, EventStatus.Draft, TestData.Draft()), (created.Id, created.OrganizerId, created.Status, created.Details));
        Assert.Equal("draft", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM events WHERE id = $1", eventId));
        Assert.Equal("draft", await TestData.ScalarAsync<string>(
            db.DataSource, "SELECT new_status FROM event_status_history WHERE event_id = $1 AND previous_status IS NULL AND changed_by = $2", eventId, organizer));
    }

    [Fact]
    public async Task AnEventIsCreatedOnceAndOnlyForAnExistingOrganizer()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var organizer = (await TestData.UsersAsync(db.DataSource, 1))[0];
        var grain = silo.Get<IEventGrain>(Guid.NewGuid());

        Assert.IsType<EventResult.Invalid>(await silo.Get<IEventGrain>(Guid.NewGuid()).Create(TestData.Draft(), Guid.NewGuid()));
        Assert.IsType<EventResult.Invalid>(await grain.Create(TestData.Draft() with { Venue = "" }, organizer));
        Assert.IsType<EventResult.Ok>(await grain.Create(TestData.Draft(), organizer));
        Assert.IsType<EventResult.Refused>(await grain.Create(TestData.Draft(), organizer));
    }

    [Fact]
    public async Task OnlyDraftsAndRevisionsCanBeEdited()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var organizer = (await TestData.UsersAsync(db.DataSource, 1))[0];
        var grain = silo.Get<IEventGrain>(Guid.NewGuid());
        await grain.Create(TestData.Draft(), organizer);
        var renamed = TestData.Draft() with { Name = "Medellín Runway" };

        Assert.IsType<EventResult.Ok>(await grain.UpdateDraft(renamed));
        await grain.Transition(EventStatus.Review, organizer, null);
        Assert.IsType<EventResult.Refused>(await grain.UpdateDraft(TestData.Draft()));
        await grain.Transition(EventStatus.Revision, organizer, "add a description");
        Assert.IsType<EventResult.Ok>(await grain.UpdateDraft(renamed with { Description = "Desfile" }));

        Assert.Equal("Desfile", (await grain.Get())!.Details.Description);
    }

    [Fact]
    public async Task TransitionsFollowTheLifecycleAndRecordWhoAndWhy()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (organizer, admin) = (users[0], users[1]);
        var eventId = Guid.NewGuid();
        var grain = silo.Get<IEventGrain>(eventId);
        await grain.Create(TestData.Draft(), organizer);

        Assert.IsType<TransitionResult.Refused>(await grain.Transition(EventStatus.OnSale, organizer, null));
        Assert.IsType<TransitionResult.Changed>(await grain.Transition(EventStatus.Review, organizer, null));
        var published = Assert.IsType<TransitionResult.Changed>(await grain.Transition(EventStatus.Published, admin, "looks good"));

        Assert.Equal(EventStatus.Published, published.Event.Status);
        Assert.Equal("published", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM events WHERE id = $1", eventId));
        Assert.Equal("looks good", await TestData.ScalarAsync<string>(
            db.DataSource,
            "SELECT reason FROM event_status_history WHERE event_id = $1 AND previous_status = 'review' AND new_status = 'published' AND changed_by = $2",
            eventId, admin));
        Assert.Contains(silo.Publisher.Statuses, s => s == (eventId, EventStatus.Published));
    }

    [Fact]
    public async Task ATransitionByAnUnknownUserIsRefusedAndChangesNothing()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var organizer = (await TestData.UsersAsync(db.DataSource, 1))[0];
        var eventId = Guid.NewGuid();
        var grain = silo.Get<IEventGrain>(eventId);
        await grain.Create(TestData.Draft(), organizer);

        Assert.IsType<TransitionResult.Refused>(await grain.Transition(EventStatus.Review, Guid.NewGuid(), null));

        Assert.Equal(EventStatus.Draft, (await grain.Get())!.Status);
        Assert.Equal("draft", await TestData.ScalarAsync<string>(db.DataSource, "SELECT status FROM events WHERE id = $1", eventId));
    }

    [Fact]
    public async Task TicketTypesTogetherCannotOfferMoreSeatsThanTheVenue()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var organizer = (await TestData.UsersAsync(db.DataSource, 1))[0];
        var grain = silo.Get<IEventGrain>(Guid.NewGuid());
        await grain.Create(TestData.Draft(capacity: 100), organizer);

        Assert.IsType<TicketTypeResult.Ok>(await grain.AddTicketType(TestData.TicketType(capacity: 60)));
        Assert.IsType<TicketTypeResult.Refused>(await grain.AddTicketType(TestData.TicketType(capacity: 41)));
        var vip = Assert.IsType<TicketTypeResult.Ok>(await grain.AddTicketType(TestData.TicketType(capacity: 40) with { Name = "VIP" })).TicketType;

        Assert.IsType<TicketTypeResult.Refused>(await grain.UpdateTicketType(vip.Id, vip.Definition with { Capacity = 41 }));
        Assert.IsType<EventResult.Refused>(await grain.UpdateDraft(TestData.Draft(capacity: 99)));
        Assert.Equal(2, (await grain.Get())!.TicketTypes.Count);
    }

    [Fact]
    public async Task ATicketTypesCapacityNeverDropsBelowItsSeatsHeldAndSold()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var users = await TestData.UsersAsync(db.DataSource, 2);
        var (eventId, ticketTypeId) = await TestData.OnSaleAsync(silo, users[0], TestData.TicketType(capacity: 10));
        await silo.Get<ITicketTypeGrain>(ticketTypeId).Hold(new HoldRequest(users[1], 3));
        var grain = silo.Get<IEventGrain>(eventId);

        Assert.IsType<TicketTypeResult.Refused>(await grain.UpdateTicketType(ticketTypeId, TestData.TicketType(capacity: 2)));
        var updated = Assert.IsType<TicketTypeResult.Ok>(
            await grain.UpdateTicketType(ticketTypeId, TestData.TicketType(capacity: 3, price: 99_000))).TicketType;

        Assert.Equal(3, updated.Definition.Capacity);
        Assert.Equal(0, (await silo.Get<ITicketTypeGrain>(ticketTypeId).GetAvailability())!.Available);
        Assert.Equal(99_000L, await TestData.ScalarAsync<long>(db.DataSource, "SELECT price FROM ticket_types WHERE id = $1 AND capacity = 3", ticketTypeId));
    }

    [Fact]
    public async Task OnlyDraftsCanBeDeleted()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var organizer = (await TestData.UsersAsync(db.DataSource, 1))[0];
        var draftId = Guid.NewGuid();
        var reviewedId = Guid.NewGuid();
        await silo.Get<IEventGrain>(draftId).Create(TestData.Draft(), organizer);
        await silo.Get<IEventGrain>(draftId).AddTicketType(TestData.TicketType(10));
        await silo.Get<IEventGrain>(reviewedId).Create(TestData.Draft(), organizer);
        await silo.Get<IEventGrain>(reviewedId).Transition(EventStatus.Review, organizer, null);

        Assert.True(await silo.Get<IEventGrain>(draftId).Delete());
        Assert.False(await silo.Get<IEventGrain>(reviewedId).Delete());

        Assert.Null(await silo.Get<IEventGrain>(draftId).Get());
        Assert.Equal(0L, await TestData.ScalarAsync<long>(db.DataSource, "SELECT count(*) FROM events WHERE id = $1", draftId));
        Assert.NotNull(await silo.Get<IEventGrain>(reviewedId).Get());
    }

    [Fact]
    public async Task AnUnknownEventHasNothingToShow()
    {
        await using var silo = await InventorySilo.StartAsync(db.DataSource);
        var grain = silo.Get<IEventGrain>(Guid.NewGuid());

        Assert.Null(await grain.Get());
        Assert.IsType<TransitionResult.NotFound>(await grain.Transition(EventStatus.Review, null, null));
        Assert.IsType<TicketTypeResult.NotFound>(await grain.AddTicketType(TestData.TicketType(1)));
    }
}
