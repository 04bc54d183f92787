using System.Collections.Concurrent;
using System.Globalization;
using Fashionistas.Web.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Fashionistas.Web.Auth;

/// <summary>
/// Per-account sign-in backoff (see <see cref="SignInThrottleOptions"/>), kept in this node's memory. An attempt is
/// counted when it starts, so a burst of parallel guesses is limited as strictly as a sequence; unknown e-mails are
/// counted the same as real accounts, so the answer never tells which exist.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Attempts> _accounts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Counts an attempt and answers null when it may go ahead, otherwise how long the account must wait.</summary>
    public TimeSpan? TryBegin(string email)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        if (_accounts.Count >= o.MaxTrackedAccounts)
        {
            Prune(now, o);
        }

        var attempts = _accounts.GetOrAdd(email, _ => new Attempts());
        lock (attempts)
        {
            if (now - attempts.Last > o.ForgetAfter)
            {
                attempts.Count = 0;
                attempts.WaitUntil = DateTimeOffset.MinValue;
            }

            if (now < attempts.WaitUntil)
            {
                return attempts.WaitUntil - now;
            }

            attempts.Count++;
            attempts.Last = now;
            if (attempts.Count >= o.FreeAttempts)
            {
                attempts.WaitUntil = now + Delay(attempts.Count - o.FreeAttempts, o);
            }

            return null;
        }
    }

    /// <summary>The password was right: the account starts over.</summary>
    public void Succeeded(string email) => _accounts.TryRemove(email, out _);

    /// <summary>429 with Retry-After (whole seconds, at least 1).</summary>
    public static ProblemHttpResult TooSoon(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: "Too many sign-in attempts for this account; wait and retry.", statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>FirstDelay doubled <paramref name="doublings"/> times, at most MaxDelay.</summary>
    internal static TimeSpan Delay(int doublings, SignInThrottleOptions o)
    {
        var ticks = o.FirstDelay.Ticks * Math.Pow(2, Math.Min(doublings, 62));
        return ticks >= o.MaxDelay.Ticks ? o.MaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private void Prune(DateTimeOffset now, SignInThrottleOptions o)
    {
        foreach (var (email, attempts) in _accounts)
        {
            if (now >= attempts.WaitUntil && now - attempts.Last > o.FirstDelay)
            {
                _accounts.TryRemove(email, out _);
            }
        }

        if (_accounts.Count >= o.MaxTrackedAccounts)
        {
            // Only accounts still waiting are left: a flood of distinct e-mails; start over rather than grow.
            _accounts.Clear();
        }
    }

    private sealed class Attempts
    {
        public int Count { get; set; }

        public DateTimeOffset Last { get; set; }

        public DateTimeOffset WaitUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
