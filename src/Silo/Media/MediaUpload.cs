namespace Fashionistas.Silo.Media;

/// <summary>One file to store.</summary>
/// <param name="Content">The bytes; read once, from its current position.</param>
/// <param name="FileName">The uploader's file name (only its extension is kept).</param>
/// <param name="ContentType">Declared type, e.g. <c>image/jpeg</c>; must be one of <see cref="MediaUploadRules.AllowedTypes"/>.</param>
/// <param name="Folder">Where it belongs, e.g. <c>designers/3f2a</c>: lower-case letters, digits, '-' and '/'.</param>
public sealed record MediaUpload(Stream Content, string FileName, string ContentType, string Folder);
