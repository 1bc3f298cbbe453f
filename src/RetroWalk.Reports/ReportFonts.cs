using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace RetroWalk.Reports;

/// <summary>The report's fonts, created once per process by <see cref="PdfSetup"/> after the resolver is set.</summary>
internal sealed class ReportFonts
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public readonly XFont HeaderClinic = Create(11, bold: true);
    public readonly XFont HeaderTitle = Create(11, bold: true);
    public readonly XFont HeaderText = Create(8, bold: false);
    public readonly XFont HeaderPatient = Create(9, bold: true);
    public readonly XFont Footer = Create(7, bold: false);
    public readonly XFont Heading = Create(12, bold: true);
    public readonly XFont SubHeading = Create(9.5, bold: true);
    public readonly XFont Body = Create(9, bold: false);
    public readonly XFont BodyBold = Create(9, bold: true);
    public readonly XFont Table = Create(7.5, bold: false);
    public readonly XFont TableBold = Create(7.5, bold: true);
    public readonly XFont ChartTitle = Create(9, bold: true);

    private readonly ConcurrentDictionary<double, XFont> chartText = new();

    /// <summary>The chart's own text at <paramref name="size"/> points (the chart layout scaled to the page).</summary>
    public XFont Chart(double size) => chartText.GetOrAdd(Math.Round(size, 2), s => Create(s, bold: false));

    private static XFont Create(double size, bool bold) =>
        new(ReportFontResolver.PrimaryFamily, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
}
