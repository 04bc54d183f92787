using Fashionistas.Silo.Media;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fashionistas.Web.Api;

/// <summary>The outcome of receiving an upload: the stored file and its caption, or the 400 or 5xx problem to answer.</summary>
internal sealed record ReceivedUpload(StoredMedia? Stored, string? Caption, ValidationProblem? Invalid, ProblemHttpResult? Failed);
