using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CorpusBot.Core.Tests.Fixtures;

/// <summary>Hand-made PDFs for the reader tests, written by PdfPig's own builder (or by hand where it cannot).</summary>
internal static class PdfFixtures
{
    /// <summary>One line of text placed on a page, at (x, y) points from the bottom-left corner.</summary>
    public sealed record Line(double X, double Y, string Text);

    public static byte[] Build(IReadOnlyList<IReadOnlyList<Line>> pages, string? title = null, string? author = null, string? created = null)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Author = author;
        builder.DocumentInformation.CreationDate = created;
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            foreach (var line in lines)
            {
                page.AddText(line.Text, 11, new PdfPoint(line.X, line.Y), font);
            }
        }

        return builder.Build();
    }

    /// <summary>Lines of one column, top down from y = 780, 14 points apart.</summary>
    public static List<Line> Column(double x, params string[] lines) =>
        [.. lines.Select((text, i) => new Line(x, 780 - (14 * i), text))];

    /// <summary>A "scan": every page holds only a picture, no text layer.</summary>
    public static byte[] ScannedOnly(int pages = 2)
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++)
        {
            builder.AddPage(PageSize.A4).AddPng(png, new PdfRectangle(0, 0, 595, 842));
        }

        return builder.Build();
    }

    /// <summary>
    /// A PDF with a standard security handler whose user password is not empty: the /U entry does not
    /// match the empty password, so the file cannot be opened without one.
    /// </summary>
    public static byte[] Encrypted()
    {
        var hex = string.Concat(Enumerable.Repeat("5A", 32));
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 44 >>\nstream\n(\u00e9\u00a1\u00b3\u00c7\u00d8\u00ee\u00f1\u00b2\u00c3\u00a4\u00e8\u00d1\u00b7\u00c2\u00c0\u00a9\u00ba\u00e5\u00d6\u00c4\u00a7\u00e4\u00b9\u00a8\u00c1\u00e6\u00d7\u00b5\u00c6\u00a5\u00ef\u00b8\u00ca\u00d3\u00a3\u00bb\u00cc\u00e1\u00d2\u00cf\u00ab\u00dd)\nendstream",
            $"<< /Filter /Standard /V 1 /R 2 /O <{hex}> /U <{hex}> /P -44 >>",
        };
        return Assemble(objects, trailerExtra: "/Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
    }

    private static byte[] Assemble(string[] objects, string trailerExtra)
    {
        var latin1 = Encoding.Latin1;
        using var output = new MemoryStream();
        void Write(string s) => output.Write(latin1.GetBytes(s));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = output.Position;
        Write($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }
}
