using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace RetroWalk.Reports.Layout;

/// <summary>What the header and footer of every page show.</summary>
internal sealed record PageFrame(
    string ClinicName,
    IReadOnlyList<string> ClinicAddressLines,
    string Title,
    string PatientName,
    string DateOfBirthLine,
    string RecordNumberLine,
    string GeneratedLine,
    string? IdentifierLine = null);

/// <summary>
/// Adds pages as content flows and keeps the cursor. Headers are drawn when a page is added;
/// footers ("Page x of y") are drawn by <see cref="Finish"/> once the page count is known.
/// </summary>
internal sealed class PageWriter
{
    public const double SideMargin = 42;
    private const double TopMargin = 30;
    private const double BottomMargin = 26;
    private const string ConfidentialLine = "Confidential patient information";

    private readonly PdfDocument document;
    private readonly PageSize pageSize;
    private readonly PageFrame frame;
    private readonly List<XGraphics> pages = [];
    private List<string>? headerLeft;
    private List<string>? headerRight;
    private double headerHeight;
    private int leftClinicLines;
    private int rightTitleLines;
    private int rightPatientEnd;

    public PageWriter(PdfDocument document, ReportFonts fonts, ReportPageSize size, PageFrame frame)
    {
        this.document = document;
        Fonts = fonts;
        this.frame = frame;
        pageSize = size == ReportPageSize.UsLetter ? PageSize.Letter : PageSize.A4;
    }

    public ReportFonts Fonts { get; }

    public XGraphics Gfx { get; private set; } = null!;

    /// <summary>Top of the next thing to draw, in points from the top of the page.</summary>
    public double Y { get; set; }

    public double Left { get; } = SideMargin;

    public double Right => PageWidth - SideMargin;

    public double Width => Right - Left;

    public double Top { get; private set; }

    public double Bottom { get; private set; }

    public double PageWidth { get; private set; }

    public double PageHeight { get; private set; }

    public double Remaining => Bottom - Y;

    public bool AtTopOfPage => Y <= Top + 0.01;

    /// <summary>Usable height of an empty page.</summary>
    public double PageCapacity => Bottom - Top;

    public void NewPage()
    {
        var page = document.AddPage();
        page.Size = pageSize;
        Gfx = XGraphics.FromPdfPage(page);
        pages.Add(Gfx);
        PageWidth = Gfx.PageSize.Width;
        PageHeight = Gfx.PageSize.Height;
        if (headerLeft is null)
        {
            LayOutFrame();
        }
        DrawHeader();
        Y = Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor (or the page is still empty).</summary>
    public bool EnsureSpace(double height)
    {
        if (height <= Remaining || AtTopOfPage)
        {
            return false;
        }
        NewPage();
        return true;
    }

    public void Finish()
    {
        var total = pages.Count;
        var footer = Fonts.Footer;
        var lineHeight = TextLayout.LineHeight(footer);
        for (var i = 0; i < total; i++)
        {
            var gfx = pages[i];
            var textTop = PageHeight - BottomMargin - lineHeight;
            gfx.DrawLine(ReportStyle.RulePen, Left, textTop - 4, Right, textTop - 4);
            TextPainter.Draw(gfx, frame.GeneratedLine, footer, ReportStyle.MutedBrush, Left, textTop, XStringFormats.TopLeft);
            TextPainter.Draw(gfx, ConfidentialLine, footer, ReportStyle.MutedBrush, (Left + Right) / 2, textTop, XStringFormats.TopCenter);
            var pageLine = string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {total}");
            TextPainter.Draw(gfx, pageLine, footer, ReportStyle.TextBrush, Right, textTop, XStringFormats.TopRight);
            gfx.Dispose();
        }
        pages.Clear();
    }

    private void LayOutFrame()
    {
        var leftWidth = Width * 0.55 - 8;
        var rightWidth = Width * 0.45 - 8;
        headerLeft = TextLayout.Wrap(Gfx, frame.ClinicName, Fonts.HeaderClinic, leftWidth);
        var clinicLines = headerLeft.Count;
        foreach (var line in frame.ClinicAddressLines)
        {
            TextLayout.AppendWrapped(headerLeft, Gfx, line, Fonts.HeaderText, leftWidth);
        }
        var leftHeight = clinicLines * TextLayout.LineHeight(Fonts.HeaderClinic)
            + (headerLeft.Count - clinicLines) * TextLayout.LineHeight(Fonts.HeaderText);
        leftClinicLines = clinicLines;

        headerRight = TextLayout.Wrap(Gfx, frame.Title, Fonts.HeaderTitle, rightWidth);
        rightTitleLines = headerRight.Count;
        TextLayout.AppendWrapped(headerRight, Gfx, frame.PatientName, Fonts.HeaderPatient, rightWidth);
        rightPatientEnd = headerRight.Count;
        TextLayout.AppendWrapped(headerRight, Gfx, frame.DateOfBirthLine, Fonts.HeaderText, rightWidth);
        TextLayout.AppendWrapped(headerRight, Gfx, frame.RecordNumberLine, Fonts.HeaderText, rightWidth);
        if (frame.IdentifierLine is not null)
        {
            TextLayout.AppendWrapped(headerRight, Gfx, frame.IdentifierLine, Fonts.HeaderText, rightWidth);
        }
        var rightHeight = 0.0;
        for (var i = 0; i < headerRight.Count; i++)
        {
            rightHeight += TextLayout.LineHeight(RightFont(i));
        }

        headerHeight = Math.Max(leftHeight, rightHeight);
        Top = TopMargin + headerHeight + 18;
        Bottom = PageHeight - BottomMargin - TextLayout.LineHeight(Fonts.Footer) - 14;
    }

    private XFont LeftFont(int line) => line < leftClinicLines ? Fonts.HeaderClinic : Fonts.HeaderText;

    private XFont RightFont(int line) =>
        line < rightTitleLines ? Fonts.HeaderTitle : line < rightPatientEnd ? Fonts.HeaderPatient : Fonts.HeaderText;

    private void DrawHeader()
    {
        var y = TopMargin;
        for (var i = 0; i < headerLeft!.Count; i++)
        {
            var font = LeftFont(i);
            TextPainter.Draw(Gfx, headerLeft[i], font, i < leftClinicLines ? ReportStyle.AccentBrush : ReportStyle.MutedBrush, Left, y, XStringFormats.TopLeft);
            y += TextLayout.LineHeight(font);
        }

        y = TopMargin;
        for (var i = 0; i < headerRight!.Count; i++)
        {
            var font = RightFont(i);
            TextPainter.Draw(Gfx, headerRight[i], font, ReportStyle.TextBrush, Right, y, XStringFormats.TopRight);
            y += TextLayout.LineHeight(font);
        }

        var ruleY = TopMargin + headerHeight + 6;
        Gfx.DrawLine(ReportStyle.AccentPen, Left, ruleY, Right, ruleY);
    }
}
