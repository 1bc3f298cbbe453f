using System.Globalization;
using RetroWalk.Web.Features.Patients;

namespace RetroWalk.Web.Features.Exports;

/// <summary>Shapes the records into session and outcome rows, with each patient shown as the export kind allows.</summary>
public static class ExportTables
{
    public static (IReadOnlyList<SessionRow> Sessions, IReadOnlyList<OutcomeRow> Outcomes) Rows(ExportRecords records, ExportKind kind)
    {
        var study = kind == ExportKind.Research ? Deidentification.Assign(records.Patients.Select(p => p.Id)) : null;
        var firstStart = records.Programmes.GroupBy(p => p.Programme.PatientId)
            .ToDictionary(g => g.Key, g => g.Min(p => p.Programme.StartDate));
        var who = records.Patients.ToDictionary(p => p.Id, p => Who(p, study, firstStart));
        // Protocols numbered in order of first use, so that a research export names none.
        var protocolCodes = records.Programmes.Select(p => p.Programme.ProtocolId).Distinct()
            .Select((id, i) => (id, code: "P" + (i + 1).ToString(CultureInfo.InvariantCulture))).ToDictionary(x => x.id, x => x.code);
        var programmes = records.Programmes.ToDictionary(p => p.Programme.Id);

        var sessions = records.Sessions.Where(s => programmes.ContainsKey(s.ProgrammeId))
            .Select(s => (Session: s, Programme: programmes[s.ProgrammeId]))
            .Where(x => who.ContainsKey(x.Programme.Programme.PatientId))
            .Select(x => new SessionRow(who[x.Programme.Programme.PatientId], x.Programme, protocolCodes[x.Programme.Programme.ProtocolId], x.Session))
            .OrderBy(r => r.Who.Study?.StudyId ?? r.Who.Patient.RecordNumberKey, StringComparer.Ordinal).ThenBy(r => r.Session.Date).ThenBy(r => r.Session.Sequence)
            .ToList();
        var outcomes = records.Assessments.Where(a => who.ContainsKey(a.PatientId))
            .SelectMany(a => a.Results.OrderBy(r => r.MeasureCode, StringComparer.Ordinal)
                .Select(r => new OutcomeRow(who[a.PatientId], a, r, firstStart.TryGetValue(a.PatientId, out var start) ? start : null)))
            .OrderBy(r => r.Who.Study?.StudyId ?? r.Who.Patient.RecordNumberKey, StringComparer.Ordinal).ThenBy(r => r.Assessment.Date)
            .ToList();
        return (sessions, outcomes);
    }

    private static RowPatient Who(Patient patient, IReadOnlyDictionary<Guid, StudyPatient>? study, Dictionary<Guid, DateOnly> firstStart)
    {
        var ageOn = firstStart.TryGetValue(patient.Id, out var start) ? start : (DateOnly?)null;
        var ageGroup = ageOn is { } on ? Deidentification.AgeGroup(patient.DateOfBirth, on) : "";
        return new RowPatient(patient, study?[patient.Id], ageGroup);
    }
}
