using Fashionistas.Grains.Runtime;

namespace Fashionistas.Silo.Runtime;

/// <summary>A batch whose commit is running while the activation already runs the next batch's turns.</summary>
/// <param name="Commit">The writes the grain handed over, passed back to it in <c>AfterCommit</c>.</param>
/// <param name="Completion">The commit's I/O; faults when the commit failed.</param>
/// <param name="Batch">The messages whose answers wait for this commit.</param>
internal sealed record InFlightCommit(IPendingCommit Commit, Task Completion, List<GrainMessage> Batch);
