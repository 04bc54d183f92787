using Fashionistas.Grains.Commit;
using Fashionistas.Grains.Contracts;
using Fashionistas.Grains.Domain;
using Fashionistas.Grains.Inventory;
using Fashionistas.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace Fashionistas.Grains.Codes;

/// <summary>
/// The uses of one promo or access code. Why a grain of its own: a code may cover several tiers (several ticket-type
/// grains), so its count cannot live inside one of them, and a row-locking <c>UPDATE … SET uses = uses + 1</c> per
/// buyer would make the code row the hot spot of the sale. Instead each call decides in memory (uses left, buyer's
/// uses left), joins the batch being collected and awaits its commit (<see cref="GroupCommit"/>, as the ticket-type
/// grain): one fenced UPDATE of the code row per batch, plus one row per use, and nobody is told "granted" before the
/// commit that counted it. 5,000 buyers racing for 100 uses get 100 grants, decided one turn at a time.
/// </summary>
/// <remarks>
/// <para>A use's id is its hold's id. It is given back when the hold is not placed (<see cref="Return"/>), and when the
/// hold expires or is released (the ticket-type grain tells <see cref="HoldsEnded"/> after its commit). A sold hold keeps
/// its use. Messages can be lost in a crash, so every use not known sold is checked against its hold once its hold
/// must have ended (<see cref="CheckDueAsync"/>; I/O outside any decision, state re-read after the await), and an
/// activation gives back the uses whose holds have ended.</para>
/// <para>Fenced like the ticket type: every batch writes the code row only over the version this activation loaded or
/// wrote; a duplicate activation's commit fails and it deactivates. The database's CHECK (uses &lt;= max_uses) stays the
/// last guard.</para>
/// </remarks>
// Reentrant for group commit: a call awaiting its batch must not keep the next callers out. No decision spans an await.
[Reentrant]
public sealed class PromoCodeGrain(
    IPromoCodeStore store,
    IOptions<InventoryOptions> options,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<PromoCodeGrain> logger) : Grain, IPromoCodeGrain, IRemindable
{
    /// <summary>How long after its hold's deadline a use not reported ended is checked against the database.</summary>
    private static readonly TimeSpan CheckGrace = TimeSpan.FromMinutes(1);

    private readonly InventoryOptions _options = options.Value;
    private PendingCodeWrites _pending = new();
    private PromoCodeState? _state;
    private long _version;
    private Exception? _broken;
    private GroupCommit? _commits;
    private ExpiryReminder? _reminder;
    private bool _checking;

    private Guid CodeId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        PromoCodeLoad? load;
        try
        {
            load = await store.LoadAsync(CodeId, now - _options.IdempotencyWindow, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw GrainUnavailableException.Because($"Code {CodeId} could not be loaded; retry.", ex);
        }

        if (load is null)
        {
            return;
        }

        _state = PromoCodeState.FromLoad(load, out var ended);
        _version = load.Version;
        _commits = new GroupCommit(CommitCollectedAsync);
        _reminder = new ExpiryReminder(this, _options.ExpiryReminderPeriod, logger);
        foreach (var useId in ended)
        {
            GiveBack(useId);
        }

        try
        {
            await _reminder.LoadAsync();
            await CommitCollectedAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not GrainUnavailableException)
        {
            throw GrainUnavailableException.Because($"Code {CodeId} could not be activated; retry.", ex);
        }

        this.RegisterGrainTimer(CheckDueAsync, new GrainTimerCreationOptions
        {
            DueTime = _options.ExpirySweepInterval,
            Period = _options.ExpirySweepInterval,
            Interleave = true,
        });
    }

    public Task<PromoCodeView?> Describe() =>
        Task.FromResult(Usable() is { } state
            ? new PromoCodeView(state.Definition, state.Uses, CodeRules.CanUse(state.Definition, time.GetUtcNow(), state.Uses, 0).Reason)
            : null);

    public Task<CodeUseResult> Use(CodeUseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Usable() is not { } state)
        {
            return Task.FromResult(CodeUseResult.NotFoundResult);
        }

        var key = request.IdempotencyKey is { } k ? new BuyerKey(request.BuyerId, k) : (BuyerKey?)null;
        if (key is { } retried && state.Keys.TryGetValue(retried, out var first) && state.Live.ContainsKey(first))
        {
            return Durable<CodeUseResult>(new CodeUseResult.Granted(state.Definition, first, Replayed: true));
        }

        var now = time.GetUtcNow();
        var allowed = state.CanUse(request.BuyerId, now);
        if (!allowed.Allowed)
        {
            return Task.FromResult<CodeUseResult>(new CodeUseResult.Refused(allowed.Reason!));
        }

        var use = new CodeUse(Guid.CreateVersion7(now), request.BuyerId, now + _options.HoldDuration + CheckGrace);
        _state = state.WithUse(use, key);
        _pending.AddUse(new StoredCodeUse(use.Id, use.BuyerId, request.IdempotencyKey, now, use.CheckAt));
        return Durable<CodeUseResult>(new CodeUseResult.Granted(state.Definition, use.Id, Replayed: false));
    }

    public Task<CodeUseResult> UseForLateSale(Guid useId, Guid buyerId)
    {
        if (Usable() is not { } state)
        {
            return Task.FromResult(CodeUseResult.NotFoundResult);
        }

        // Looked at again after the grace: sold by then, it is kept; its hold still ended (the sale failed), given back.
        var now = time.GetUtcNow();
        var late = new CodeUse(useId, buyerId, now + CheckGrace, LateSale: true);
        if (state.Live.TryGetValue(useId, out var live))
        {
            // Still counted (a retry, or the hold's end not reported yet): kept for the sale from now on.
            if (!live.LateSale && !live.Settled)
            {
                _state = state.WithUseChanged(live with { LateSale = true, CheckAt = late.CheckAt });
                _pending.AddLateSale(new StoredCodeUse(useId, live.BuyerId, null, now, late.CheckAt) { LateSale = true });
            }

            return Durable<CodeUseResult>(new CodeUseResult.Granted(state.Definition, useId, Replayed: true));
        }

        // Given back when the hold ended: counted again only while uses are left. Dates and a disabled code do not
        // matter here: the code priced a hold placed while it was valid, and the buyer paid that price.
        var allowed = CodeRules.HasUsesLeft(state.Definition, state.Uses, state.UsesOf(buyerId));
        if (!allowed.Allowed)
        {
            return Task.FromResult<CodeUseResult>(new CodeUseResult.Refused(allowed.Reason!));
        }

        _state = state.WithUse(late, key: null);
        _pending.AddLateSale(new StoredCodeUse(useId, buyerId, null, now, late.CheckAt) { LateSale = true });
        return Durable<CodeUseResult>(new CodeUseResult.Granted(state.Definition, useId, Replayed: false));
    }

    public Task Return(Guid useId)
    {
        if (Usable() is null)
        {
            return Task.CompletedTask;
        }

        GiveBack(useId);
        return Durable(0);
    }

    public Task HoldsEnded(Guid[] useIds) => Return(useIds, keepLateSales: true);

    public Task<bool> Disable()
    {
        if (Usable() is not { } state)
        {
            return Task.FromResult(false);
        }

        if (state.Definition.DisabledAt is null)
        {
            var now = time.GetUtcNow();
            _state = state with { Definition = state.Definition with { DisabledAt = now } };
            _pending.Disable(now);
        }

        return Durable(true);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => CheckDueAsync();

    /// <param name="keepLateSales">A report that holds ended: a use counted since for a late payment ended before that and stays.</param>
    private async Task Return(Guid[] useIds, bool keepLateSales)
    {
        ArgumentNullException.ThrowIfNull(useIds);
        if (Usable() is null)
        {
            return;
        }

        foreach (var useId in useIds)
        {
            if (!(keepLateSales && _state!.Live.TryGetValue(useId, out var use) && use.LateSale))
            {
                GiveBack(useId);
            }
        }

        await Durable(0);
    }

    private void GiveBack(Guid useId)
    {
        if (_state!.Live.TryGetValue(useId, out var use))
        {
            _state = _state.WithoutUse(use);
            _pending.Release(useId);
        }
    }

    /// <summary>
    /// Looks at the holds of uses past their check time that are not known sold: sold ones are settled, ended or
    /// never-placed ones give their use back, active ones are looked at again later.
    /// </summary>
    private async Task CheckDueAsync()
    {
        if (_state is null || _broken is not null || _checking)
        {
            return;
        }

        var now = time.GetUtcNow();
        var due = _state.Live.Values.Where(u => !u.Settled && u.CheckAt <= now).Select(u => u.Id).ToArray();
        if (due.Length == 0)
        {
            return;
        }

        _checking = true;
        try
        {
            var holds = await store.HoldStatusesAsync(due, CancellationToken.None);

            // Decided on the state as it is now: other calls ran during the read.
            foreach (var useId in due)
            {
                if (!_state.Live.TryGetValue(useId, out var use))
                {
                    continue;
                }

                switch (holds.TryGetValue(useId, out var status) ? status : (HoldStatus?)null)
                {
                    case HoldStatus.Converted:
                        _state = _state.WithUseChanged(use with { Settled = true });
                        break;
                    case HoldStatus.Active:
                        _state = _state.WithUseChanged(use with { CheckAt = now + CheckGrace });
                        break;
                    default:
                        GiveBack(useId);
                        break;
                }
            }

            await Durable(0);
        }
#pragma warning disable CA1031 // A failed check is retried on the next tick; the activation reloads if a commit failed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Checking the holds of code {CodeId} failed", CodeId);
        }
        finally
        {
            _checking = false;
        }
    }

    private PromoCodeState? Usable()
    {
        CommitRules.ThrowIfRefusing("code", CodeId, _broken, _commits, _options.MaxWaitingCalls, _options.BusyRetryAfter);
        if (_state is null)
        {
            DeactivateOnIdle();
        }

        return _state;
    }

    private Task<T> Durable<T>(T answer) => CommitRules.Durable(_commits, _pending.IsEmpty, answer);

    private async Task CommitCollectedAsync()
    {
        CommitRules.ThrowIfBroken("code", CodeId, _broken);
        if (_pending.IsEmpty)
        {
            return;
        }

        var state = _state!;
        var batch = _pending.ToBatch(CodeId, _version, state.Uses);
        _pending = new PendingCodeWrites();
        try
        {
            await store.CommitAsync(batch, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _broken = ex;
            logger.LogWarning(ex, "Code {CodeId}: a commit failed; the activation reloads", CodeId);
            DeactivateOnIdle();
            throw GrainUnavailableException.Because($"Code {CodeId}: the commit failed, nothing was written; retry.", ex);
        }

        _version++;
        if (_reminder is { } reminder)
        {
            // Awake while a use waits for its hold to be sold or to end, so an idle code still gives uses back.
            await reminder.KeepAsync(state.Live.Values.Any(u => !u.Settled));
        }
    }
}
