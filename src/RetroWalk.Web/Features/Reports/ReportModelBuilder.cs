using System.Globalization;
using System.Text;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Reports;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Infrastructure;
using ChartPoint = RetroWalk.Reports.ChartPoint;
using ClinicPageSize = RetroWalk.Web.Features.Clinics.ReportPageSize;
using MeasureChart = RetroWalk.Reports.MeasureChart;
using PdfPageSize = RetroWalk.Reports.ReportPageSize;

namespace RetroWalk.Web.Features.Reports;

/// <summary>What a report is about: the patient, the period, and who signs it.</summary>
public sealed record ReportSubject(Guid PatientId, DateOnly From, DateOnly To, string AssessmentAndPlan, string Signer, DateTimeOffset GeneratedAt);

/// <summary>
/// Gathers a patient's data for a period from the feature services and maps it into the renderer's
/// display-ready records. Reads only; the caller's clinic filter applies to every query.
/// </summary>
public sealed class ReportModelBuilder(ClinicService clinics, PatientService patients, ProgrammeService programmes, ProgressService progress)
{
    public const string Title = "Retro-walking rehabilitation progress report";

    public async Task<ProgressReport?> BuildAsync(ReportSubject subject, CancellationToken cancellationToken = default)
    {
        var clinic = await clinics.GetCurrentAsync(cancellationToken);
        var patient = await patients.GetAsync(subject.PatientId, cancellationToken);
        if (clinic is null || patient is null)
        {
            return null;
        }

        var programme = await ProgrammeInPeriodAsync(subject, cancellationToken);
        var review = await progress.GetAsync(subject.PatientId, null, subject.From, subject.To, cancellationToken);
        var measures = review?.Measures.Where(m => m.Points.Count > 0).ToList() ?? [];
        var zone = TimeZoneOf(clinic);
        return new ProgressReport
        {
            Clinic = new ClinicDetails(clinic.Name, clinic.Address.Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            Title = Title,
            GeneratedAt = TimeZoneInfo.ConvertTime(subject.GeneratedAt, zone),
            TimeZoneLabel = zone.Id,
            Patient = new RetroWalk.Reports.PatientDetails(patient.FullName, patient.DateOfBirth, patient.RecordNumber,
                patient.PrimaryCondition.Display(), patient.AffectedSide.Display()),
            Programme = programme is null ? null : Summary(programme),
            Period = new DateRange(subject.From, subject.To),
            Outcomes = [.. measures.Select(OutcomeRow)],
            SummarySentences = [.. review?.Summary.Select(line => line.Sentence) ?? []],
            Charts = [.. measures.Select(m => Chart(m, programme))],
            AssessmentAndPlan = subject.AssessmentAndPlan,
            Signature = new ReportSignature(subject.Signer, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(subject.GeneratedAt, zone).DateTime)),
        };
    }

    public static PdfPageSize PageSizeOf(ClinicPageSize size) => size == ClinicPageSize.Letter ? PdfPageSize.UsLetter : PdfPageSize.A4;

    /// <summary>"RW-1001_2026-11-21_progress-report.pdf": only characters every file system accepts.</summary>
    public static string FileName(string recordNumber, DateOnly date)
    {
        var safe = new StringBuilder();
        foreach (var original in recordNumber)
        {
            // Letters outside ASCII fold as in search ("Ł" to "L"), keeping their case.
            var folded = char.IsAscii(original) ? original.ToString() : SearchText.Fold(original.ToString());
            var c = folded.Length == 1 ? (char.IsUpper(original) ? char.ToUpperInvariant(folded[0]) : folded[0]) : '?';
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                safe.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '/' or '\\' or '.' or ':')
            {
                safe.Append('-');
            }
        }
        var record = safe.Length == 0 ? "patient" : safe.ToString();
        return $"{record}_{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}_progress-report.pdf";
    }

    /// <summary>The latest programme that started before the period ended.</summary>
    private async Task<ProgrammeDetails?> ProgrammeInPeriodAsync(ReportSubject subject, CancellationToken cancellationToken)
    {
        var candidate = (await programmes.ListForPatientAsync(subject.PatientId, cancellationToken))
            .Where(p => p.StartDate <= subject.To)
            .OrderByDescending(p => p.StartDate)
            .FirstOrDefault();
        return candidate is null ? null : await programmes.GetAsync(candidate.Id, cancellationToken);
    }

    private static ProgrammeSummary Summary(ProgrammeDetails programme)
    {
        var planned = programme.Sessions.Where(s => s.IsPlanned).Select(s => s.Date).DefaultIfEmpty(programme.StartDate);
        return new ProgrammeSummary(
            $"{programme.ProtocolName} (version {programme.ProtocolVersionNumber})",
            $"Backward treadmill walking · {ProtocolSummary.Line(programme.Definition)}",
            programme.StartDate,
            programme.EndedOn ?? planned.Max(),
            programme.Status.Display(),
            programme.TherapistName);
    }

    private static OutcomeRow OutcomeRow(MeasureProgress m) => new(
        m.Name,
        m.Baseline is { } b ? $"{b.ValueText} ({b.Date:d MMM yyyy})" : "—",
        m.HasChange && m.Latest is { } l ? $"{l.ValueText} ({l.Date:d MMM yyyy})" : "—",
        m.ChangeText ?? "—",
        m.PercentChangeText ?? "—",
        m.Mdc?.Flag ?? "—",
        m.Mcid?.Flag ?? "—",
        string.Join("; ", new[] { m.Mdc, m.Mcid }.OfType<ThresholdFlag>().Where(f => f.IsAvailable)
            .Select(f => $"{f.Abbreviation}: {f.PopulationUsed}{(f.Source is null ? "" : $" ({f.Source})")}").DefaultIfEmpty("None published for this population")),
        string.Join("; ", m.LatestCategories.Select(c => c.Text).DefaultIfEmpty("—")));

    private static MeasureChart Chart(MeasureProgress m, ProgrammeDetails? programme) => new()
    {
        Title = m.Name,
        Unit = m.Unit,
        Points = [.. m.Points.Select(p => new ChartPoint(p.Date, (double)p.Value))],
        Baseline = m.Baseline is { } b ? (double)b.Value : null,
        MdcBand = m is { MdcBandLower: { } low, MdcBandUpper: { } high } ? new ValueBand((double)low, (double)high) : null,
        CutOffs = [.. m.CutOffLines.Select(line => new CutOffLine((double)line.Value, line.Label))],
        ProgrammeStart = programme?.StartDate,
        ProgrammeEnd = programme is null ? null : Summary(programme).EndDate,
    };

    private static TimeZoneInfo TimeZoneOf(ClinicInfo clinic) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(clinic.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
