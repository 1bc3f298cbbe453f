using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using RetroWalk.Clinical.Charts;
using RetroWalk.Reports.Layout;

namespace RetroWalk.Reports;

/// <summary>
/// Renders <see cref="ProgressReport"/>s with PDFsharp. Stateless and safe to share (register it
/// as a singleton); fonts are set up once per process by <see cref="PdfSetup"/>.
/// </summary>
public sealed class ProgressReportRenderer : IProgressReportRenderer
{
    private static readonly TableColumn[] SessionColumns =
    [
        new("Date", 1.25), new("Status", 1.25), new("Main min", 0.8), new("Speed", 1.0),
        new("Incline", 0.85), new("RPE", 0.6), new("Notes", 4.25),
    ];

    private static readonly TableColumn[] OutcomeColumns =
    [
        new("Measure", 1.2), new("Baseline", 0.95), new("Latest", 0.9), new("Change", 0.8),
        new("%", 0.8), new("MDC", 1.35), new("MCID", 1.35), new("Population and source", 1.45),
        new("Category", 1.65),
    ];

    private static readonly TableColumn[] AdverseEventColumns = [new("Date", 1.2), new("Kind", 1.6), new("Note", 7.2)];

    [ThreadStatic]
    private static MemoryStream? scratch;

    private readonly ReportFonts fonts;

    /// <param name="fontDirectory">Folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf; null for <see cref="PdfSetup.DefaultFontDirectory"/>.</param>
    /// <param name="fallbackFontDirectory">Folder below which the Noto and WenQuanYi fallbacks are; null for <see cref="PdfSetup.DefaultFallbackFontDirectory"/>.</param>
    public ProgressReportRenderer(string? fontDirectory = null, string? fallbackFontDirectory = null)
    {
        PdfSetup.EnsureInitialised(fontDirectory, fallbackFontDirectory);
        fonts = PdfSetup.Fonts;
    }

    public byte[] Render(ProgressReport report, ReportOptions? options = null)
    {
        // One scratch buffer per thread, kept between calls, so rendering does not regrow one.
        var buffer = scratch ??= new MemoryStream(128 * 1024);
        buffer.SetLength(0);
        Render(report, options, buffer);
        return buffer.ToArray();
    }

    public void Render(ProgressReport report, ReportOptions? options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        options ??= ReportOptions.Default;

        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Author = report.Clinic.Name;
        document.Info.Creator = "RetroWalk";
        document.Info.CreationDate = report.GeneratedAt.UtcDateTime;
        document.Options.CompressContentStreams = true;
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;

        var writer = new PageWriter(document, fonts, options.PageSize, Frame(report));
        writer.NewPage();
        WriteSections(writer, report, options.Sections);
        writer.Finish();

        if (output.CanSeek)
        {
            document.Save(output, closeStream: false);
        }
        else
        {
            // PDFsharp reads the stream position while writing (for its cross-reference table); buffer for streams without one.
            using var buffer = new MemoryStream(32 * 1024);
            document.Save(buffer, closeStream: false);
            buffer.Position = 0;
            buffer.CopyTo(output);
        }
    }

    private static PageFrame Frame(ProgressReport report) => new(
        report.Clinic.Name,
        report.Clinic.AddressLines,
        report.Title,
        report.Patient.FullName,
        "Date of birth: " + ReportText.Date(report.Patient.DateOfBirth),
        "Record no.: " + report.Patient.RecordNumber,
        $"Generated {ReportText.DateTime(report.GeneratedAt)} ({report.TimeZoneLabel})",
        report.Identifier is null ? null : "Report ID: " + report.Identifier);

    private void WriteSections(PageWriter w, ProgressReport report, ReportSections sections)
    {
        var periodLine = $"Report period: {ReportText.Date(report.Period.From)} – {ReportText.Date(report.Period.To)}";
        TextFlow.Paragraph(w, periodLine, fonts.BodyBold, ReportStyle.TextBrush);

        if (sections == ReportSections.None)
        {
            TextFlow.Paragraph(w, "No report sections were selected.", fonts.Body, ReportStyle.MutedBrush);
        }
        if (sections.HasFlag(ReportSections.PatientSummary))
        {
            WritePatientSummary(w, report);
        }
        if (sections.HasFlag(ReportSections.Adherence))
        {
            WriteAdherence(w, report.Adherence);
        }
        if (sections.HasFlag(ReportSections.SessionHistory))
        {
            WriteSessionHistory(w, report.Sessions);
        }
        if (sections.HasFlag(ReportSections.Outcomes))
        {
            WriteOutcomes(w, report);
        }
        if (sections.HasFlag(ReportSections.Charts))
        {
            WriteCharts(w, report.Charts);
        }
        if (sections.HasFlag(ReportSections.AssessmentAndPlan))
        {
            WriteAssessmentAndPlan(w, report.AssessmentAndPlan);
        }
        WriteSignature(w, report.Signature);
        WriteReferences(w, ReportCitations.Cited(report, sections));
    }

    private static void WritePatientSummary(PageWriter w, ProgressReport report)
    {
        TextFlow.Heading(w, "Patient and programme");
        var patient = report.Patient;
        (string, string)[] patientPairs =
        [
            ("Patient", patient.FullName),
            ("Date of birth", ReportText.Date(patient.DateOfBirth)),
            ("Record no.", patient.RecordNumber),
            ("Condition", patient.Condition),
            ("Affected side", patient.AffectedSide),
        ];

        if (report.Programme is not { } programme)
        {
            TextFlow.PairColumns(w, patientPairs, [("Programme", ReportText.NoData)]);
            return;
        }

        var dates = ReportText.Date(programme.StartDate) + " – " + (programme.EndDate is { } end ? ReportText.Date(end) : "open");
        TextFlow.PairColumns(w, patientPairs,
        [
            ("Protocol", programme.ProtocolName),
            ("Dose", programme.DoseLine),
            ("Dates", dates),
            ("Status", programme.Status),
            ("Therapist", programme.ResponsibleTherapist),
        ]);
    }

    private void WriteAdherence(PageWriter w, AdherenceSummary? adherence)
    {
        TextFlow.Heading(w, "Adherence");
        if (adherence is null)
        {
            TextFlow.NoData(w);
            return;
        }

        TextFlow.Pairs(w,
        [
            ("Sessions", OfPlanned(adherence.SessionsCompleted, adherence.SessionsPlanned, "completed", "planned")),
            ("Minutes", OfPlanned(adherence.MinutesDelivered, adherence.MinutesPrescribed, "delivered", "prescribed")),
            ("Speed progression", adherence.SpeedProgression.Count == 0 ? "No change recorded." : string.Join("\n", adherence.SpeedProgression)),
        ]);

        TextFlow.SubHeading(w, "Adverse events");
        if (adherence.AdverseEvents.Count == 0)
        {
            TextFlow.Paragraph(w, "None recorded in this date range.", fonts.Body, ReportStyle.TextBrush);
            return;
        }
        var rows = adherence.AdverseEvents.Select(e => new[] { ReportText.Date(e.Date), e.Kind, e.Note }).ToList();
        TableWriter.Draw(w, "Adverse events", AdverseEventColumns, rows);
    }

    private static string OfPlanned(int done, int planned, string doneWord, string plannedWord)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{done} {doneWord} of {planned} {plannedWord}");
        return planned > 0
            ? text + string.Create(CultureInfo.InvariantCulture, $" ({Math.Round(100.0 * done / planned):0} %)")
            : text;
    }

    private static void WriteSessionHistory(PageWriter w, IReadOnlyList<SessionRow> sessions)
    {
        TextFlow.Heading(w, "Session history");
        if (sessions.Count == 0)
        {
            TextFlow.NoData(w);
            return;
        }
        var rows = new List<string[]>(sessions.Count);
        foreach (var s in sessions)
        {
            rows.Add([ReportText.Date(s.Date), s.Status, s.MainMinutes, s.Speed, s.Incline, s.Rpe, s.Notes]);
        }
        TableWriter.Draw(w, "Session history", SessionColumns, rows);
    }

    private void WriteOutcomes(PageWriter w, ProgressReport report)
    {
        TextFlow.Heading(w, "Outcome measures");
        if (report.Outcomes.Count == 0 && report.SummarySentences.Count == 0)
        {
            TextFlow.NoData(w);
            return;
        }
        if (report.SummarySentences.Count > 0)
        {
            TextFlow.SubHeading(w, "Summary");
            TextFlow.Bullets(w, report.SummarySentences);
            w.Y += 4;
        }
        if (report.Outcomes.Count == 0)
        {
            TextFlow.Paragraph(w, ReportText.NoData, fonts.Body, ReportStyle.MutedBrush);
            return;
        }
        var rows = report.Outcomes
            .Select(o => new[] { o.Measure, o.Baseline, o.Latest, o.Change, o.PercentChange, o.MdcFlag, o.McidFlag, o.PopulationAndSource, o.Category })
            .ToList();
        TableWriter.Draw(w, "Outcome measures", OutcomeColumns, rows);
    }

    private static void WriteCharts(PageWriter w, IReadOnlyList<TimeChart> charts)
    {
        TextFlow.Heading(w, "Outcome charts", charts.Count > 0 ? ChartDrawer.Height(w) : 48);
        if (charts.Count == 0)
        {
            TextFlow.NoData(w);
            return;
        }
        foreach (var chart in charts)
        {
            ChartDrawer.Draw(w, chart);
        }
    }

    private void WriteAssessmentAndPlan(PageWriter w, string text)
    {
        TextFlow.Heading(w, "Assessment and plan");
        if (string.IsNullOrWhiteSpace(text))
        {
            TextFlow.NoData(w);
            return;
        }
        TextFlow.Paragraph(w, text.Trim(), fonts.Body, ReportStyle.TextBrush);
    }

    /// <summary>The full references of the sources cited on the report's pages, by label.</summary>
    private static void WriteReferences(PageWriter w, IReadOnlyList<ReportReference> cited)
    {
        if (cited.Count == 0)
        {
            return;
        }
        TextFlow.Heading(w, ReportCitations.Heading);
        TextFlow.Pairs(w, [.. cited.Select(r => (r.Label, r.Citation))], sharedLabelColumn: true);
    }

    private void WriteSignature(PageWriter w, ReportSignature signature)
    {
        var lineHeight = TextLayout.LineHeight(fonts.Body);
        w.Y += 18;
        w.EnsureSpace(28 + 3 * lineHeight);
        var gfx = w.Gfx;
        var lineY = w.Y + 24;
        const double signatureWidth = 200;
        gfx.DrawLine(ReportStyle.TextPen, w.Left, lineY, w.Left + signatureWidth, lineY);
        var dateLeft = w.Left + signatureWidth + 40;
        gfx.DrawLine(ReportStyle.TextPen, dateLeft, lineY, dateLeft + 110, lineY);
        if (signature.SignedOn is { } signedOn)
        {
            TextPainter.Draw(gfx, ReportText.Date(signedOn), fonts.Body, ReportStyle.TextBrush, dateLeft, lineY - 3, XStringFormats.BottomLeft);
        }
        var captionY = lineY + 3;
        TextPainter.Draw(gfx, "Date", fonts.Body, ReportStyle.MutedBrush, dateLeft, captionY, XStringFormats.TopLeft);
        var nameLines = TextLayout.Wrap(gfx, "Therapist: " + signature.TherapistName, fonts.Body, dateLeft - w.Left - 12);
        foreach (var line in nameLines)
        {
            TextPainter.Draw(gfx, line, fonts.Body, ReportStyle.TextBrush, w.Left, captionY, XStringFormats.TopLeft);
            captionY += lineHeight;
        }
        w.Y = captionY;
    }
}
