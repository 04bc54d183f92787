using Fashionistas.Silo.Shows;

namespace Fashionistas.Web.Api;

/// <summary>What a calendar shows for an agenda item, in Spanish or English (the pages translate the JSON themselves).</summary>
internal static class AgendaTitles
{
    private static readonly Dictionary<string, (string Es, string En)> Kinds = new(StringComparer.Ordinal)
    {
        ["show"] = ("Desfile", "Show"),
        ["look"] = ("Salida en pasarela", "Runway look"),
        [BackstageKinds.Call] = ("Llamado", "Call time"),
        [BackstageKinds.Fitting] = ("Prueba de vestuario", "Fitting"),
        [BackstageKinds.HairMakeup] = ("Peinado y maquillaje", "Hair and make-up"),
        [BackstageKinds.Rehearsal] = ("Ensayo", "Rehearsal"),
    };

    public static string Of(AgendaItem item, bool english)
    {
        var kind = Kinds.TryGetValue(item.Kind, out var names) ? (english ? names.En : names.Es) : item.Kind;
        var detail = item.Kind == "show" || string.IsNullOrWhiteSpace(item.Title) ? item.EventName : item.Title;
        return $"{kind}: {detail}";
    }
}
