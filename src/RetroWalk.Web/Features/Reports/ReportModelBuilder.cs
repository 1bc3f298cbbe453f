using System.Globalization;
using System.Text;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Evidence;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Reports;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Infrastructure;
using ClinicPageSize = RetroWalk.Web.Features.Clinics.ReportPageSize;
using PdfPageSize = RetroWalk.Reports.ReportPageSize;

namespace RetroWalk.Web.Features.Reports;

/// <summary>What a report is about: the patient, the period, and who signs it.</summary>
public sealed record ReportSubject(Guid PatientId, DateOnly From, DateOnly To, string AssessmentAndPlan, string Signer, DateTimeOffset GeneratedAt, string? Identifier = null);

/// <summary>
/// Gathers a patient's data for a period from the feature services and maps it into the renderer's
/// display-ready records. Reads only; the caller's clinic filter applies to every query.
/// </summary>
public sealed class ReportModelBuilder(
    ClinicService clinics, PatientService patients, ProgrammeService programmes, ProgressService progress, ProgressTimelineService timelines,
    SessionService sessions, ClinicClock clock)
{
    public const string Title = "Retro-walking rehabilitation progress report";

    /// <summary>Every source the app relies on; the report lists those its pages cite by label.</summary>
    private static readonly IReadOnlyList<ReportReference> References =
        [.. Bibliography.All.Select(r => new ReportReference(r.Label, r.Citation))];

    public async Task<ProgressReport?> BuildAsync(ReportSubject subject, CancellationToken cancellationToken = default)
    {
        var clinic = await clinics.GetCurrentAsync(cancellationToken);
        var patient = await patients.GetAsync(subject.PatientId, cancellationToken);
        if (clinic is null || patient is null)
        {
            return null;
        }

        var programme = await ProgrammeInPeriodAsync(subject, cancellationToken);
        var history = programme is null ? null : await sessions.GetHistoryAsync(programme.Id, subject.From, subject.To, cancellationToken);
        var review = await progress.GetAsync(subject.PatientId, null, subject.From, subject.To, cancellationToken);
        var timeline = await timelines.GetAsync(subject.PatientId, cancellationToken);
        var measures = review?.Measures.Where(m => m.Points.Count > 0).ToList() ?? [];
        var generatedAt = clock.InClinicTime(subject.GeneratedAt);
        return new ProgressReport
        {
            Clinic = new ClinicDetails(clinic.Name, clinic.Address.Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            Title = Title,
            GeneratedAt = generatedAt,
            TimeZoneLabel = clock.TimeZone.Id,
            Patient = new RetroWalk.Reports.PatientDetails(patient.FullName, patient.DateOfBirth, patient.RecordNumber,
                patient.PrimaryCondition.Display(), patient.AffectedSide.Display()),
            Programme = programme is null ? null : Summary(programme),
            Period = new DateRange(subject.From, subject.To),
            Adherence = history is { Sessions.Count: > 0 } || history?.Adherence.PlannedToDate > 0 ? Adherence(history) : null,
            Sessions = [.. history?.Sessions.Select(row => SessionRow(row, history.SpeedUnit)) ?? []],
            Outcomes = [.. measures.Select(OutcomeRow)],
            SummarySentences = [.. review?.Summary.Select(line => line.Sentence) ?? []],
            Charts = [.. measures.Select(m => ProgressCharts.For(m, timeline, subject.From, subject.To))],
            AssessmentAndPlan = subject.AssessmentAndPlan,
            Signature = new ReportSignature(subject.Signer, DateOnly.FromDateTime(generatedAt.DateTime)),
            References = References,
            Identifier = subject.Identifier,
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

    private static RetroWalk.Reports.AdherenceSummary Adherence(ProgrammeSessionHistory history)
    {
        var a = history.Adherence;
        return new RetroWalk.Reports.AdherenceSummary(
            a.Delivered,
            a.PlannedToDate,
            (int)Math.Round(a.DeliveredMainMinutes),
            (int)Math.Round(a.PrescribedMainMinutes),
            SpeedChanges(history),
            [.. history.AdverseEvents.Select(e => new AdverseEventRow(e.Date, Capitalised(e.Event.Type.Display()), e.Event.Note ?? ""))]);
    }

    /// <summary>The first working speed and each later change: "19 Oct: 1.0 km/h", "26 Oct: 1.2 km/h".</summary>
    private static List<string> SpeedChanges(ProgrammeSessionHistory history)
    {
        var changes = new List<string>();
        decimal? previous = null;
        foreach (var point in history.SpeedProgression)
        {
            if (point.SpeedKmh != previous)
            {
                changes.Add($"{point.Date.ToString("d MMM", CultureInfo.InvariantCulture)}: {Units.FormatSpeed(point.SpeedKmh, history.SpeedUnit, CultureInfo.InvariantCulture)}");
                previous = point.SpeedKmh;
            }
        }
        return changes;
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static SessionRow SessionRow(SessionHistoryRow row, SpeedUnit unit)
    {
        var speed = (row.StartSpeedKmh, row.EndSpeedKmh) switch
        {
            ({ } start, { } end) when start != end => $"{Units.FormatSpeed(start, unit, CultureInfo.InvariantCulture)} → {Units.FormatSpeed(end, unit, CultureInfo.InvariantCulture)}",
            ({ } start, _) => Units.FormatSpeed(start, unit, CultureInfo.InvariantCulture),
            (_, { } end) => Units.FormatSpeed(end, unit, CultureInfo.InvariantCulture),
            _ => "—",
        };
        var notes = string.Join("; ", new[]
        {
            row.ScreeningPassed ? null : $"Screening failed: {row.ScreeningReason}",
            row.AdverseEvents.Count == 0 ? null : string.Join(", ", row.AdverseEvents.Select(e => e.Type.Display())),
            row.Notes,
        }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new SessionRow(
            row.Date,
            row.Sequence is null ? $"{row.Status.Display()}, extra" : row.Status.Display(),
            (row.MainMinutes, row.PlannedMainMinutes) switch
            {
                ({ } done, { } planned) => $"{SessionFormat.N(done)} of {SessionFormat.N(planned)}",
                ({ } done, null) => SessionFormat.N(done),
                _ => "—",
            },
            speed,
            row.Incline is { } incline ? Units.FormatIncline(incline, row.InclineUnit, CultureInfo.InvariantCulture) : "—",
            row.Rpe is { } rpe ? SessionFormat.N(rpe) : "—",
            notes);
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
            .Select(f => $"{f.Abbreviation}: {f.PopulationUsed}{(f.Source is null ? "" : $" ({f.Source.Label})")}").DefaultIfEmpty("None published for this population")),
        string.Join("; ", m.LatestCategories.Select(c => $"{c.Text} ({c.Source.Label})").DefaultIfEmpty(Clinical.Measures.MeasureCategories.NoneForPopulation)));

}
