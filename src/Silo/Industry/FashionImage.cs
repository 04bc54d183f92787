namespace Fashionistas.Silo.Industry;

/// <summary>An image of a collection as stored by the media store: <see cref="Url"/> is what browsers fetch.</summary>
public sealed record FashionImage(Guid Id, Guid CollectionId, string Url, string PublicId, string ContentType, long Bytes, string? Caption);
