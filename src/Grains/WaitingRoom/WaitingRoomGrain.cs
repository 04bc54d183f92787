using System.Security.Cryptography;
using Fashionistas.Grains.Commit;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Inventory;
using Fashionistas.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Fashionistas.Grains.WaitingRoom;

/// <summary>
/// The waiting room of one event. Joins decide in memory (a known account gets its place back; a new one is an early
/// arrival before the opening, else the next position) and await a group commit (<see cref="GroupCommit"/>), like the
/// ticket-type grain: nobody is told a place before it is durable. A timer opens the room when due (a cryptographic
/// shuffle gives the early arrivals their positions, once) and admits positions in order at the configured rate, or, in
/// automatic mode, as admitted people are served. Positions never change once given and admission only moves forward,
/// so a place never moves back.
/// </summary>
// Reentrant for group commit (see TicketTypeGrain): no decision spans an await.
[Reentrant]
public sealed class WaitingRoomGrain(
    IWaitingRoomStore store,
    IOptions<WaitingRoomOptions> options,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<WaitingRoomGrain> logger) : Grain, IWaitingRoomGrain, IRemindable
{
    private readonly WaitingRoomOptions _options = options.Value;
    private readonly Dictionary<Guid, StoredQueueEntry> _entries = [];

    /// <summary>Accounts by position: index = position - 1.</summary>
    private readonly List<Guid> _byPosition = [];

    /// <summary>Arrivals before the opening, waiting for the shuffle.</summary>
    private readonly List<Guid> _early = [];

    /// <summary>Automatic rate: positions admitted and still within their shopping time that were served.</summary>
    private readonly HashSet<int> _served = [];

    private readonly AdmissionMeter _meter = new(options.Value.RateWindow, options.Value.MinimumRateHistory);

    private WaitingRoomRow? _room;
    private long _version;
    private PendingQueueWrites _pending = new();
    private PendingQueueWrites? _committing;
    private GroupCommit? _commits;
    private ExpiryReminder? _reminder;
    private Exception? _broken;

    /// <summary>Fixed rate: admissions earned and not yet used (fractions carry over between ticks).</summary>
    private double _credit;

    private DateTimeOffset _lastTick;

    /// <summary>Positions admitted as of the last commit: only a durable admission is told (and gets a pass).</summary>
    private int _durableAdmittedThrough;

    /// <summary>Positions up to this one were admitted and their shopping time is over.</summary>
    private int _shoppingOver;

    private Guid EventId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        StoredWaitingRoom? stored;
        try
        {
            stored = await store.LoadAsync(EventId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Waiting room {EventId} could not be loaded", EventId);
            throw GrainUnavailableException.Because($"Waiting room {EventId} could not be loaded; retry.", ex);
        }

        if (stored is not null)
        {
            Load(stored);
        }

        _lastTick = time.GetUtcNow();
        _commits = new GroupCommit(CommitCollectedAsync);

        // The reminder brings an enabled room back after a restart or node loss, so it opens and admits unattended.
        // (It is the ticket types' reminder helper; the name only has to be unique per grain.)
        _reminder = new ExpiryReminder(this, _options.ReminderPeriod, logger);
        await _reminder.LoadAsync();
        await _reminder.KeepAsync(_room?.Enabled == true);
        if (_room is not null)
        {
            StartTicking();
        }
    }

    public Task<WaitingRoomView> Configure(WaitingRoomSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Usable();
        if (_room is { } room)
        {
            _room = room with { Enabled = true, Settings = settings };
        }
        else
        {
            _room = new WaitingRoomRow(true, settings, false, null, 0, 1);
            StartTicking();
        }

        Advance(time.GetUtcNow());
        return ChangedRoom();
    }

    public Task<WaitingRoomView> Disable()
    {
        Usable();
        if (_room is not { Enabled: true } room)
        {
            return Task.FromResult(View());
        }

        _room = room with { Enabled = false };
        return ChangedRoom();
    }

    public Task<WaitingRoomView> SetPaused(bool paused)
    {
        Usable();
        if (_room is not { } room || room.Paused == paused)
        {
            return Task.FromResult(View());
        }

        _room = room with { Paused = paused };
        _credit = 0;
        return ChangedRoom();
    }

    public Task<WaitingRoomView> GetView() => Task.FromResult(View());

    public Task<QueuePlace> Join(Guid accountId)
    {
        Usable();
        var now = time.GetUtcNow();
        if (_room is not { Enabled: true } || accountId == Guid.Empty)
        {
            return Task.FromResult(QueuePlace.None(now));
        }

        Advance(now);
        if (!_entries.ContainsKey(accountId))
        {
            var room = _room!;
            StoredQueueEntry entry;
            if (room.ShuffledAt is null)
            {
                entry = new StoredQueueEntry(accountId, now, null, null);
                _early.Add(accountId);
            }
            else
            {
                entry = new StoredQueueEntry(accountId, now, room.NextPosition, null);
                _byPosition.Add(accountId);
                _room = room with { NextPosition = room.NextPosition + 1 };
                _pending.RoomChanged();
            }

            _entries[accountId] = entry;
            _pending.Add(entry);
        }

        return PlaceWhenDurable(accountId);
    }

    public Task<QueuePlace> GetPlace(Guid accountId)
    {
        Usable();
        return PlaceWhenDurable(accountId);
    }

    public Task Served(Guid accountId)
    {
        if (_entries.TryGetValue(accountId, out var entry) && entry is { AdmittedAt: not null, Position: { } p } && p > _shoppingOver)
        {
            _served.Add(p);
        }

        return Task.CompletedTask;
    }

    /// <summary>Only events with a room tick: the gate asks every event's grain, most of which have none.</summary>
    private void StartTicking()
    {
        _lastTick = time.GetUtcNow();
        this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions
        {
            DueTime = _options.AdmissionTick,
            Period = _options.AdmissionTick,
            Interleave = true,
        });
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync(CancellationToken.None);

    private void Load(StoredWaitingRoom stored)
    {
        _room = stored.Room;
        _version = stored.Version;
        _durableAdmittedThrough = stored.Room.AdmittedThrough;
        foreach (var entry in stored.Entries.OrderBy(e => e.Position ?? int.MaxValue).ThenBy(e => e.ArrivedAt))
        {
            _entries[entry.AccountId] = entry;
            if (entry.Position is { } position)
            {
                if (position != _byPosition.Count + 1)
                {
                    throw new InvalidOperationException($"Waiting room {EventId}: position {position} follows {_byPosition.Count}.");
                }

                _byPosition.Add(entry.AccountId);
            }
            else
            {
                _early.Add(entry.AccountId);
            }
        }
    }

    /// <summary>Opens the room when due: the early arrivals get their positions in a random order, once.</summary>
    private void Advance(DateTimeOffset now)
    {
        if (_room is not { Enabled: true, ShuffledAt: null } room || now < room.Settings.OpensAt)
        {
            return;
        }

        // Fisher-Yates with a cryptographic generator: nobody can predict or influence the order by arriving at a
        // particular moment or with many requests.
        var order = _early.ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var next = room.NextPosition;
        foreach (var accountId in order)
        {
            _entries[accountId] = _entries[accountId] with { Position = next };
            _byPosition.Add(accountId);
            _pending.Place(accountId, next);
            next++;
        }

        _early.Clear();
        _room = room with { ShuffledAt = now, NextPosition = next };
        _pending.RoomChanged();
        logger.LogInformation("Waiting room {EventId} opened: {Count} early arrivals shuffled", EventId, order.Length);
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var elapsed = now - _lastTick;
        _lastTick = now;
        if (_broken is not null || _room is not { Enabled: true })
        {
            return;
        }

        DelayDeactivation(_options.ReminderPeriod);
        Advance(now);
        Admit(now, elapsed);
        if (_pending.IsEmpty)
        {
            return;
        }

        try
        {
            await _commits!.JoinAsync();
        }
#pragma warning disable CA1031 // A failed commit breaks the activation (see CommitCollectedAsync); the next activation resumes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogDebug(ex, "Waiting room {EventId}: an admission tick could not commit", EventId);
        }
    }

    /// <summary>Admits the next positions in order: as many as the rate earned since the last tick, or, automatic, as
    /// many as there are free shopping places.</summary>
    private void Admit(DateTimeOffset now, TimeSpan elapsed)
    {
        var room = _room!;
        if (room.ShuffledAt is null || room.Paused || elapsed <= TimeSpan.Zero)
        {
            _credit = 0;
            return;
        }

        var waiting = room.NextPosition - 1 - room.AdmittedThrough;
        EndShopping(now, room);
        int allowance;
        if (room.Settings.AdmissionPerMinute is { } perMinute)
        {
            _credit += perMinute * elapsed.TotalMinutes;
            allowance = (int)Math.Min(int.MaxValue, Math.Floor(_credit));
        }
        else
        {
            allowance = Math.Max(0, _options.AutomaticShoppers - (room.AdmittedThrough - _shoppingOver - _served.Count));
        }

        var admitted = Math.Min(allowance, waiting);

        // A queue that ran empty saves no burst for later arrivals, and says nothing about the rate.
        var starved = allowance > waiting;
        _credit = starved ? 0 : Math.Max(0, _credit - admitted);
        if (waiting > 0 && !starved)
        {
            _meter.Record(now, elapsed, admitted);
        }

        if (admitted == 0)
        {
            return;
        }

        var from = room.AdmittedThrough + 1;
        var to = room.AdmittedThrough + admitted;
        for (var position = from; position <= to; position++)
        {
            var accountId = _byPosition[position - 1];
            _entries[accountId] = _entries[accountId] with { AdmittedAt = now };
        }

        _room = room with { AdmittedThrough = to };
        _pending.Admit(from, to, now);
    }

    private void EndShopping(DateTimeOffset now, WaitingRoomRow room)
    {
        while (_shoppingOver < room.AdmittedThrough
            && _entries[_byPosition[_shoppingOver]].AdmittedAt is { } admittedAt
            && admittedAt + room.Settings.ShoppingTime <= now)
        {
            _shoppingOver++;
            _served.Remove(_shoppingOver);
        }
    }

    private QueuePlace Place(Guid accountId)
    {
        var now = time.GetUtcNow();
        if (_room is not { Enabled: true } room || !_entries.TryGetValue(accountId, out var entry))
        {
            return QueuePlace.None(now);
        }

        var rate = MeasuredPerMinute();
        var settings = room.Settings;
        var admitted = _durableAdmittedThrough;
        if (entry.Position is not { } position)
        {
            return new QueuePlace(QueueStatus.Early, null, admitted, settings.OpensAt, null, null, rate, room.Paused, settings.ShoppingTime, now);
        }

        if (position <= admitted)
        {
            return new QueuePlace(QueueStatus.Admitted, position, admitted, settings.OpensAt, entry.AdmittedAt, null, rate, room.Paused, settings.ShoppingTime, now);
        }

        DateTimeOffset? estimate = room.Paused || rate <= 0
            ? null
            : now + TimeSpan.FromMinutes((position - admitted) / rate);
        return new QueuePlace(QueueStatus.Waiting, position, admitted, settings.OpensAt, null, estimate, rate, room.Paused, settings.ShoppingTime, now);
    }

    private double MeasuredPerMinute() =>
        _meter.PerMinute(_room?.Settings.AdmissionPerMinute ?? _options.AutomaticStartPerMinute);

    private WaitingRoomView View()
    {
        var now = time.GetUtcNow();
        return _room is not { } room
            ? new WaitingRoomView(EventId, false, null, false, false, 0, 0, 0, 0, now)
            : new WaitingRoomView(
                EventId, room.Enabled, room.Settings, room.Paused, room.ShuffledAt is not null, _early.Count,
                room.NextPosition - 1, _durableAdmittedThrough, MeasuredPerMinute(), now);
    }

    /// <summary>Refuses at once when the activation is broken or too many callers already wait.</summary>
    private void Usable() =>
        CommitRules.ThrowIfRefusing("waiting room", EventId, _broken, _commits, _options.MaxWaitingCalls, _options.BusyRetryAfter);

    /// <summary>The account's place, once what it depends on (its entry, its position) is durable.</summary>
    private async Task<QueuePlace> PlaceWhenDurable(Guid accountId)
    {
        if (_pending.Touches(accountId) || _committing?.Touches(accountId) == true)
        {
            await _commits!.JoinAsync();
        }

        return Place(accountId);
    }

    private async Task<WaitingRoomView> ChangedRoom()
    {
        _pending.RoomChanged();
        await _commits!.JoinAsync();
        await _reminder!.KeepAsync(_room?.Enabled == true);
        return View();
    }

    /// <summary>Commits the collected batch fenced on the version this activation last wrote (one commit in flight).</summary>
    private async Task CommitCollectedAsync()
    {
        CommitRules.ThrowIfBroken("waiting room", EventId, _broken);
        if (_pending.IsEmpty)
        {
            return;
        }

        var writes = _pending;
        var room = _room!;
        _pending = new PendingQueueWrites();
        _committing = writes;
        try
        {
            await store.CommitAsync(writes.ToBatch(EventId, _version, room), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Memory now holds places that were never written: this activation goes, the next one reloads.
            _broken = ex;
            _committing = null;
            logger.LogWarning(ex, "Waiting room {EventId}: a commit failed; the activation reloads", EventId);
            DeactivateOnIdle();
            throw GrainUnavailableException.Because($"Waiting room {EventId}: the commit failed, nothing was written; retry.", ex);
        }

        _version++;
        _committing = null;
        _durableAdmittedThrough = room.AdmittedThrough;
    }
}
