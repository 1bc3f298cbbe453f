using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Demo;

/// <summary>
/// Fifteen demo patients whose programmes started nine weeks ago and have ended (two discontinued), with their sessions,
/// adverse events and baseline and end-of-programme assessments, so the clinic outcome dashboard has a cohort to show:
/// nine stroke patients on the chronic-stroke protocol (two of them subacute, a group too small to summarise by
/// condition) and six knee-osteoarthritis patients on the knee ramp. Skipped when the first of them exists.
/// </summary>
internal static class DemoCohort
{
    private sealed record Member(
        string Given, string Family, string Record, int BirthYear, Sex Sex, Condition Condition, string Template,
        int Attended, string? Discontinued, AdverseEventType? Event, decimal WalkBefore, decimal WalkAfter, decimal TugBefore, decimal TugAfter,
        int ScoreBefore, int ScoreAfter);

    // Walk: seconds for 10 m at comfortable speed. Score: Berg total for stroke, 6MWT metres for knee osteoarthritis.
    private static readonly Member[] Members =
    [
        new("Aroha", "Ngata", "RW-1013", 1958, Sex.Female, Condition.ChronicStroke, ProtocolTemplates.ChronicStroke4WeeksKey, 12, null, null, 16.0m, 12.5m, 16.5m, 12.0m, 41, 47),
        new("Kwame", "Mensah", "RW-1014", 1950, Sex.Male, Condition.ChronicStroke, ProtocolTemplates.ChronicStroke4WeeksKey, 11, null, AdverseEventType.NearFall, 20.0m, 16.4m, 19.0m, 15.9m, 38, 43),
        new("Olga", "Petrenko", "RW-1015", 1954, Sex.Female, Condition.ChronicStroke, ProtocolTemplates.ChronicStroke4WeeksKey, 9, null, null, 14.0m, 12.8m, 14.2m, 12.6m, 44, 47),
        new("Diego", "Álvarez", "RW-1016", 1962, Sex.Male, Condition.ChronicStroke, ProtocolTemplates.ChronicStroke4WeeksKey, 12, null, null, 25.0m, 18.9m, 22.5m, 17.8m, 35, 42),
        new("Yuki", "Tanaka", "RW-1017", 1948, Sex.Female, Condition.ChronicStroke, ProtocolTemplates.ChronicStroke4WeeksKey, 6, "Moved to another city", AdverseEventType.Dizziness, 18.0m, 17.6m, 17.0m, 16.4m, 40, 41),
        new("Fatima", "Haddad", "RW-1018", 1966, Sex.Female, Condition.ChronicStroke, ProtocolTemplates.ChronicStroke4WeeksKey, 10, null, null, 12.0m, 10.6m, 13.0m, 11.5m, 46, 49),
        new("Liam", "O'Connor", "RW-1019", 1957, Sex.Male, Condition.ChronicStroke, ProtocolTemplates.ChronicStroke4WeeksKey, 8, null, null, 22.0m, 20.1m, 20.0m, 18.9m, 37, 39),
        new("Mei", "Lin", "RW-1020", 1960, Sex.Female, Condition.SubacuteStroke, ProtocolTemplates.ChronicStroke4WeeksKey, 12, null, null, 24.0m, 17.0m, 21.0m, 15.5m, 36, 44),
        new("Pieter", "de Vries", "RW-1021", 1953, Sex.Male, Condition.SubacuteStroke, ProtocolTemplates.ChronicStroke4WeeksKey, 10, null, null, 19.0m, 15.2m, 18.5m, 14.8m, 39, 45),
        new("Amara", "Okonkwo", "RW-1022", 1959, Sex.Female, Condition.KneeOsteoarthritis, ProtocolTemplates.KneeOsteoarthritisRampKey, 18, null, null, 9.0m, 7.9m, 11.0m, 9.2m, 380, 430),
        new("Henrik", "Lund", "RW-1023", 1955, Sex.Male, Condition.KneeOsteoarthritis, ProtocolTemplates.KneeOsteoarthritisRampKey, 15, null, null, 10.0m, 9.1m, 12.5m, 11.0m, 350, 385),
        new("Sofia", "Rossi", "RW-1024", 1964, Sex.Female, Condition.KneeOsteoarthritis, ProtocolTemplates.KneeOsteoarthritisRampKey, 17, null, null, 8.5m, 7.6m, 10.2m, 8.9m, 410, 455),
        new("Tariq", "Aziz", "RW-1025", 1951, Sex.Male, Condition.KneeOsteoarthritis, ProtocolTemplates.KneeOsteoarthritisRampKey, 9, "Knee pain increased", AdverseEventType.PainIncrease, 11.0m, 10.8m, 13.0m, 12.6m, 320, 326),
        new("Grace", "Kim", "RW-1026", 1961, Sex.Female, Condition.KneeOsteoarthritis, ProtocolTemplates.KneeOsteoarthritisRampKey, 16, null, null, 9.4m, 8.4m, 11.8m, 10.1m, 365, 410),
        new("Mateus", "Costa", "RW-1027", 1968, Sex.Male, Condition.KneeOsteoarthritis, ProtocolTemplates.KneeOsteoarthritisRampKey, 12, null, null, 8.8m, 8.3m, 10.5m, 9.8m, 400, 418),
    ];

    public static async Task SeedAsync(IServiceProvider sp, IDbContextFactory<RetroWalkDbContext> dbFactory, string therapistA, string therapistB, CancellationToken cancellationToken)
    {
        Dictionary<string, Guid> protocols;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Patients.IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]).AnyAsync(p => p.RecordNumber == Members[0].Record, cancellationToken))
            {
                return;
            }
            protocols = (await db.Set<Protocol>().Where(p => p.SourceTemplateKey != null).Select(p => new { p.SourceTemplateKey, p.Id }).ToListAsync(cancellationToken))
                .GroupBy(p => p.SourceTemplateKey!).ToDictionary(g => g.Key, g => g.First().Id);
        }
        var clock = sp.GetRequiredService<ClinicClock>();
        var start = clock.StartOfWeek.AddDays(-63);
        foreach (var (member, index) in Members.Select((m, i) => (m, i)))
        {
            if (!protocols.TryGetValue(member.Template, out var protocolId))
            {
                continue;
            }
            var patientId = await AddPatientAsync(sp, member, index, cancellationToken);
            await SeedProgrammeAsync(sp, member, patientId, protocolId, start, index % 3 == 2 ? therapistB : therapistA, cancellationToken);
        }
    }

    private static async Task<Guid> AddPatientAsync(IServiceProvider sp, Member m, int index, CancellationToken cancellationToken)
    {
        var saved = await sp.GetRequiredService<PatientService>().CreateAsync(new PatientInput
        {
            GivenName = m.Given,
            FamilyName = m.Family,
            RecordNumber = m.Record,
            DateOfBirth = new DateOnly(m.BirthYear, 1 + (index % 12), 3 + index),
            Sex = m.Sex,
            PrimaryCondition = m.Condition,
            AffectedSide = m.Condition == Condition.KneeOsteoarthritis ? AffectedSide.Both : index % 2 == 0 ? AffectedSide.Left : AffectedSide.Right,
            HeightCm = 160 + (index % 5 * 4),
            WeightKg = 62 + (index % 6 * 5),
            RestingHeartRate = 70,
        }, cancellationToken);
        return saved.Succeeded ? saved.Id : throw new InvalidOperationException($"Demo patient {m.Record} not saved: {saved.Message}");
    }

    private static async Task SeedProgrammeAsync(IServiceProvider sp, Member m, Guid patientId, Guid protocolId, DateOnly start, string therapist, CancellationToken cancellationToken)
    {
        var programmes = sp.GetRequiredService<ProgrammeService>();
        var sessions = sp.GetRequiredService<SessionService>();
        var assessments = sp.GetRequiredService<AssessmentService>();
        var assigned = await programmes.AssignAsync(new AssignInput { PatientId = patientId, ProtocolId = protocolId, StartDate = start, TherapistUserId = therapist }, cancellationToken);
        if (!assigned.Succeeded)
        {
            throw new InvalidOperationException($"Demo programme for {m.Record} not assigned: {assigned.Message}");
        }
        var schedule = await programmes.GetScheduleAsync(assigned.Id, cancellationToken);
        var stroke = m.Template == ProtocolTemplates.ChronicStroke4WeeksKey;
        await DemoAssessments.SaveAsync(assessments, patientId, start.AddDays(-3), AssessmentTimePoint.Baseline, null, Results(m, before: true, stroke), cancellationToken);

        // Sessions attended: all but the misses spread evenly; a discontinued programme stops after its last attended session.
        var count = m.Discontinued is null ? schedule.Count : m.Attended;
        var misses = count - m.Attended;
        for (var i = 0; i < count; i++)
        {
            var sequence = schedule[i].Sequence;
            var missed = misses > 0 && i % Math.Max(2, count / misses) == 1 && misses-- > 0;
            var input = (await sessions.GetFormAsync(assigned.Id, sequence, cancellationToken: cancellationToken))!.Input;
            if (missed)
            {
                input = new SessionInput { Sequence = sequence, Date = input.Date, Status = SessionStatus.Missed, Notes = "Did not attend." };
            }
            else
            {
                input.StartTime = new TimeOnly(9 + (i % 4), 0);
                input.RestingHeartRate = 68 + (i % 5);
                input.RestingSystolic = 124 + (i % 3 * 4);
                input.RestingDiastolic = 78;
                input.PainBefore = 1;
                input.Rpe = 12;
                input.PeakHeartRate = 102 + (i % 4 * 3);
                input.HeartRateAfter = 82;
                input.SystolicAfter = 138;
                input.DiastolicAfter = 80;
                input.PainAfter = 1;
                input.Handrail = HandrailSupport.LightTouch;
                if (m.Event is { } type && i % 4 == 3)
                {
                    var adverse = input.AdverseEvents.Single(e => e.Type == type);
                    adverse.Occurred = true;
                    adverse.Note = "Settled with rest; session continued at a lower speed.";
                }
            }
            var saved = await sessions.SaveAsync(assigned.Id, input, cancellationToken);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException($"Demo session {sequence} for {m.Record} not saved: {saved.Message}");
            }
        }

        var last = schedule[count - 1].Date;
        await DemoAssessments.SaveAsync(assessments, patientId, last.AddDays(2), AssessmentTimePoint.EndOfProgramme, null, Results(m, before: false, stroke), cancellationToken);
        var version = (await programmes.GetAsync(assigned.Id, cancellationToken))!.Version;
        var ended = m.Discontinued is { } reason
            ? await programmes.DiscontinueAsync(assigned.Id, version, reason, cancellationToken)
            : await programmes.CompleteAsync(assigned.Id, version, cancellationToken);
        if (!ended.Succeeded)
        {
            throw new InvalidOperationException($"Demo programme for {m.Record} not ended: {ended.Message}");
        }
    }

    private static List<MeasureResultInput> Results(Member m, bool before, bool stroke) =>
    [
        DemoAssessments.Walk(10, before ? m.WalkBefore : m.WalkAfter, null),
        DemoAssessments.Timed(MeasureCodes.TimedUpAndGo, before ? m.TugBefore : m.TugAfter, null),
        stroke
            ? DemoAssessments.Items(MeasureCatalogue.BergBalanceScale, before ? m.ScoreBefore : m.ScoreAfter)
            : DemoAssessments.SixMinute(before ? m.ScoreBefore : m.ScoreAfter, null),
    ];
}
