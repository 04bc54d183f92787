using System.Text;
using MimeKit;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Fashionistas.Tests.Messaging;

/// <summary>Reads what a received e-mail carries: its PDF's text, its other attachments.</summary>
public static class EmailParts
{
    /// <summary>The text of every PDF the e-mail carries.</summary>
    public static string PdfText(MimeMessage email) =>
        string.Concat(email.Attachments.OfType<MimePart>().Where(a => a.ContentType.MimeType == "application/pdf").Select(PdfText));

    /// <summary>The text-showing operands of every page's content stream, read back with PDFsharp's own reader.</summary>
    public static string PdfText(MimePart pdf)
    {
        using var bytes = new MemoryStream();
        pdf.Content!.DecodeTo(bytes);
        bytes.Position = 0;
        using var document = PdfReader.Open(bytes, PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            for (var i = 0; i < page.Contents.Elements.Count; i++)
            {
                text.Append(Encoding.Latin1.GetString(page.Contents.Elements.GetDictionary(i)!.Stream.UnfilteredValue));
            }
        }

        return text.ToString();
    }

    public static string Decode(MimePart part)
    {
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
