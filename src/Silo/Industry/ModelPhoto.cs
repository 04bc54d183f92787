namespace Fashionistas.Silo.Industry;

/// <summary>A photo of a model's portfolio as stored by the media store: <see cref="Url"/> is what browsers fetch.</summary>
public sealed record ModelPhoto(Guid Id, Guid ModelId, string Url, string PublicId, string ContentType, long Bytes, string? Caption);
