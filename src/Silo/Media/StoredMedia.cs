namespace Fashionistas.Silo.Media;

/// <summary>A stored file.</summary>
/// <param name="PublicId">Stable id within the store, e.g. <c>designers/3f2a/9c1e....jpg</c> or Cloudinary's public id.</param>
/// <param name="Url">Where browsers fetch it: absolute (Cloudinary CDN) or app-relative (<c>/media/...</c>).</param>
/// <param name="Bytes">Size stored.</param>
/// <param name="ContentType">The accepted content type.</param>
public sealed record StoredMedia(string PublicId, string Url, long Bytes, string ContentType);
