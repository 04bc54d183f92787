namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>One look of a running order: its segment, the collection shown and the model walking it.</summary>
public sealed record RunningOrderLineRequest(string? Segment, Guid? CollectionId, Guid? ModelId, string? Look);
