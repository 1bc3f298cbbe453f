using PdfSharp.Drawing;

namespace RetroWalk.Reports.Layout;

/// <summary>Colours, pens and brushes shared by every report (created once; never changed after).</summary>
internal static class ReportStyle
{
    public static readonly XColor Accent = XColor.FromArgb(0x1F, 0x4E, 0x79);
    public static readonly XColor Text = XColor.FromArgb(0x22, 0x22, 0x22);
    public static readonly XColor Muted = XColor.FromArgb(0x5F, 0x63, 0x68);

    public static readonly XSolidBrush TextBrush = new(Text);
    public static readonly XSolidBrush MutedBrush = new(Muted);
    public static readonly XSolidBrush AccentBrush = new(Accent);
    public static readonly XSolidBrush TableHeaderFill = new(XColor.FromArgb(0xE4, 0xEB, 0xF2));
    public static readonly XSolidBrush TableStripeFill = new(XColor.FromArgb(0xF6, 0xF7, 0xF9));

    public static readonly XPen AccentPen = new(Accent, 1.0);
    public static readonly XPen RulePen = new(XColor.FromArgb(0xB8, 0xBE, 0xC6), 0.5);
    public static readonly XPen CellPen = new(XColor.FromArgb(0xD5, 0xD9, 0xDE), 0.4);
    public static readonly XPen TextPen = new(Text, 0.6);

    // Charts
    public static readonly XPen AxisPen = new(XColor.FromArgb(0x44, 0x44, 0x44), 0.7);
    public static readonly XPen GridPen = new(XColor.FromArgb(0xE3, 0xE6, 0xEA), 0.4);
    public static readonly XPen SeriesPen = new(Accent, 1.4) { LineJoin = XLineJoin.Round };
    public static readonly XPen MarkerPen = new(Accent, 1.0);
    public static readonly XSolidBrush MarkerFill = new(XColors.White);
    public static readonly XPen BaselinePen = new(XColor.FromArgb(0x6B, 0x72, 0x7A), 0.8);
    public static readonly XSolidBrush BandFill = new(XColor.FromArgb(0xDD, 0xEB, 0xF7));
    public static readonly XPen CutOffPen = new(XColor.FromArgb(0xB0, 0x3A, 0x2E), 0.8) { DashStyle = XDashStyle.Dash };
    public static readonly XSolidBrush CutOffBrush = new(XColor.FromArgb(0xB0, 0x3A, 0x2E));
    public static readonly XPen MarkerLinePen = new(XColor.FromArgb(0x4A, 0x7C, 0x59), 0.8) { DashStyle = XDashStyle.Dot };
    public static readonly XSolidBrush MarkerLineBrush = new(XColor.FromArgb(0x4A, 0x7C, 0x59));
}
