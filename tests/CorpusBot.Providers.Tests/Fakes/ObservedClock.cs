using Microsoft.Extensions.Time.Testing;

namespace CorpusBot.Providers.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test which waits the code under test starts (a timeout, a back-off,
/// a Retry-After delay), so that a test can await a wait's start, check its length and then advance time past it.
/// Nothing sleeps on the real clock, so a loaded machine changes how long a test runs, never what it sees.
/// A wait starts either as a new timer (<c>Task.Delay</c>) or as an existing timer set going with
/// <see cref="ITimer.Change"/>: Polly's timeouts take a pooled <see cref="CancellationTokenSource"/> made with an
/// infinite due time and then call <c>CancelAfter</c>, which is a <c>Change</c>. Watching only new timers misses every
/// timeout, and a test waiting for one hangs (as an earlier attempt at the timeout tests did).
/// </summary>
internal sealed class ObservedClock : FakeTimeProvider
{
    /// <summary>Only a hang guard: a wait that was never started fails the test after this long instead of hanging the run.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    private readonly Lock gate = new();
    private readonly List<Started> started = [];
    private readonly List<Waiter> waiters = [];

    public ObservedClock()
        : base(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The length of every timer started so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Timers
    {
        get
        {
            lock (gate)
            {
                return started.Select(s => s.DueTime).ToList();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Record(dueTime);
        return timer;
    }

    private void Record(TimeSpan dueTime)
    {
        lock (gate)
        {
            var entry = new Started(dueTime);
            started.Add(entry);
            var waiter = waiters.FirstOrDefault(w => w.Matches(dueTime));
            if (waiter is not null)
            {
                waiters.Remove(waiter);
                entry.Claimed = true;
                waiter.Found.TrySetResult(dueTime);
            }
        }
    }

    /// <summary>
    /// The length of the first timer, started before or after this call and not yet returned by an earlier call, that
    /// <paramref name="matches"/>. Fails when <paramref name="finished"/> completes first: the code ended without that wait.
    /// </summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> matches, Task finished, string what)
    {
        var dueTime = await FirstTimerAsync(matches, finished);
        Assert.True(dueTime.HasValue, $"The call ended without starting {what}; timers started: {string.Join(", ", Timers)}.");
        return dueTime.Value;
    }

    /// <summary>
    /// As <see cref="WaitForTimerAsync"/>, but null when <paramref name="finished"/> completes first. Since time only moves
    /// when the test advances it, code that started such a wait cannot finish first: the answer is deterministic.
    /// </summary>
    public async Task<TimeSpan?> FirstTimerAsync(Func<TimeSpan, bool> matches, Task finished)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(finished);
        var waiter = new Waiter(matches);
        lock (gate)
        {
            var entry = started.FirstOrDefault(s => !s.Claimed && matches(s.DueTime));
            if (entry is not null)
            {
                entry.Claimed = true;
                return entry.DueTime;
            }

            waiters.Add(waiter);
        }

        var first = await Task.WhenAny(waiter.Found.Task, finished).WaitAsync(HangGuard);
        if (first == waiter.Found.Task)
        {
            return await waiter.Found.Task;
        }

        lock (gate)
        {
            waiters.Remove(waiter);
        }

        await finished; // surfaces the code's own exception, if any
        return waiter.Found.Task.IsCompletedSuccessfully ? waiter.Found.Task.Result : null;
    }

    /// <summary>Reports each re-arming (<see cref="ITimer.Change"/> to a finite due time) as a wait started.</summary>
    private sealed class ObservedTimer(ITimer inner, ObservedClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            if (changed && dueTime != Timeout.InfiniteTimeSpan)
            {
                clock.Record(dueTime);
            }

            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private sealed class Started(TimeSpan dueTime)
    {
        public TimeSpan DueTime { get; } = dueTime;

        public bool Claimed { get; set; }
    }

    private sealed class Waiter(Func<TimeSpan, bool> matches)
    {
        public TaskCompletionSource<TimeSpan> Found { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Matches(TimeSpan dueTime) => matches(dueTime);
    }
}
