using Fashionistas.Grains.Domain;

namespace Fashionistas.Grains.Storage;

/// <summary>A hold that ended (released, expired or converted) in a batch.</summary>
public sealed record HoldStatusChange(Guid HoldId, HoldStatus Status);
