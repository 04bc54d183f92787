namespace Fashionistas.Silo.Waitlist;

/// <summary>
/// Lets one change of a ticket type's line per node at a time reach the database. Changes of one line are serialized
/// there anyway (a transaction-scoped advisory lock, which also orders the nodes of a cluster); without this gate, a
/// burst of joins for one tier would each take a pooled connection only to wait on that lock, and 200 at once would
/// drain the pool and fail the rest of the node's requests with 503. Lines share one of <see cref="Stripes"/> gates
/// by hash, so memory stays fixed however many tiers there are.
/// </summary>
public sealed class WaitlistLineGate : IDisposable
{
    private const int Stripes = 64;

    private readonly SemaphoreSlim[] _gates = Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Waits for the line's turn on this node; dispose the answer to let the next change in.</summary>
    public async Task<IDisposable> EnterAsync(Guid ticketTypeId, CancellationToken cancellationToken)
    {
        var gate = _gates[(ticketTypeId.GetHashCode() & int.MaxValue) % Stripes];
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    public void Dispose()
    {
        foreach (var gate in _gates)
        {
            gate.Dispose();
        }
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
