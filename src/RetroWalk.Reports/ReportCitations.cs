using System.Text;

namespace RetroWalk.Reports;

/// <summary>
/// Which of a report's <see cref="ProgressReport.References"/> its pages cite: those whose short label appears
/// in the text of the sections printed (outcome flags and categories, summary sentences, chart labels, and
/// anything the therapist wrote). The References section lists exactly these, in label order.
/// </summary>
internal static class ReportCitations
{
    public const string Heading = "References";

    public static IReadOnlyList<ReportReference> Cited(ProgressReport report, ReportSections sections)
    {
        if (report.References.Count == 0)
        {
            return [];
        }
        var body = BodyText(report, sections);
        return
        [
            .. report.References
                .Where(r => r.Label.Length > 0 && body.Contains(r.Label, StringComparison.Ordinal))
                .DistinctBy(r => r.Label)
                .OrderBy(r => r.Label, StringComparer.InvariantCultureIgnoreCase),
        ];
    }

    /// <summary>Every piece of text the renderer prints in the body for these sections (not the header or footer).</summary>
    private static string BodyText(ProgressReport report, ReportSections sections)
    {
        var text = new StringBuilder();
        void Add(params string?[] parts)
        {
            foreach (var part in parts)
            {
                text.Append(part).Append('\n');
            }
        }

        if (sections.HasFlag(ReportSections.PatientSummary))
        {
            var p = report.Patient;
            Add(p.FullName, p.Condition, p.AffectedSide);
            if (report.Programme is { } programme)
            {
                Add(programme.ProtocolName, programme.DoseLine, programme.Status, programme.ResponsibleTherapist);
            }
        }
        if (sections.HasFlag(ReportSections.Adherence) && report.Adherence is { } adherence)
        {
            Add([.. adherence.SpeedProgression]);
            foreach (var e in adherence.AdverseEvents)
            {
                Add(e.Kind, e.Note);
            }
        }
        if (sections.HasFlag(ReportSections.SessionHistory))
        {
            foreach (var s in report.Sessions)
            {
                Add(s.Status, s.MainMinutes, s.Speed, s.Incline, s.Rpe, s.Notes);
            }
        }
        if (sections.HasFlag(ReportSections.Outcomes))
        {
            Add([.. report.SummarySentences]);
            foreach (var o in report.Outcomes)
            {
                Add(o.Measure, o.Baseline, o.Latest, o.Change, o.PercentChange, o.MdcFlag, o.McidFlag, o.PopulationAndSource, o.Category);
            }
        }
        if (sections.HasFlag(ReportSections.Charts))
        {
            foreach (var chart in report.Charts)
            {
                Add(chart.Title);
                Add([.. chart.CutOffs.Select(c => c.Label)]);
            }
        }
        if (sections.HasFlag(ReportSections.AssessmentAndPlan))
        {
            Add(report.AssessmentAndPlan);
        }
        Add(report.Signature.TherapistName);
        return text.ToString();
    }
}
