using Fashionistas.Silo.Industry;

namespace Fashionistas.Web.Api.Contracts.Industry;

/// <summary>A collection with its designer's brand and its images.</summary>
public sealed record CollectionResponse(Collection Collection, string BrandName, IReadOnlyList<FashionImage> Images);
