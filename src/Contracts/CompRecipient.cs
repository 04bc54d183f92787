using Orleans;

namespace Fashionistas.Grains.Contracts;

/// <summary>A named person a comp ticket is issued to; <see cref="OwnerId"/> is their account.</summary>
[GenerateSerializer, Immutable, Alias("Fashionistas.CompRecipient")]
public sealed record CompRecipient(Guid OwnerId, string Name);
