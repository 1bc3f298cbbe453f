using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using static RetroWalk.Web.Tests.Integration.AssessmentData;

namespace RetroWalk.Web.Tests.Integration;

public sealed class AssessmentPlanTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DayOfWeek[] MonWedFri = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday];
    private static readonly int[] MonWedFriOffsets = [0, 2, 4];

    private static DateOnly ThisMonday => TestClock.ThisMonday;

    /// <summary>A scope acting as a named user of the clinic (with their user id, as when signed in).</summary>
    private async Task<AsyncServiceScope> SignedInAsync(TestClinic clinic, string email)
    {
        var scope = app.Services.CreateAsyncScope();
        var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(clinic.Id, email, userId: userId).Principal;
        return scope;
    }

    /// <summary>A patient of the clinic on the chronic-stroke template (baseline and end: BBS, TUG, 10MWT-C, 6MWT) from <paramref name="start"/>.</summary>
    private static async Task<(Guid PatientId, Guid ProgrammeId)> PatientOnProgrammeAsync(
        IServiceProvider services, string record, DateOnly start, string therapistUserId, Guid? protocolId = null)
    {
        var patient = await services.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid(record), Token);
        protocolId ??= (await services.GetRequiredService<ProtocolService>().CloneTemplateAsync(ProtocolTemplates.ChronicStroke4WeeksKey, Token)).Id;
        var assigned = await services.GetRequiredService<ProgrammeService>().AssignAsync(new AssignInput
        {
            PatientId = patient.Id,
            ProtocolId = protocolId,
            StartDate = start,
            TherapistUserId = therapistUserId,
            TrainingDays = [.. MonWedFri],
        }, Token);
        Assert.True(assigned.Succeeded, assigned.Message);
        return (patient.Id, assigned.Id);
    }

    private static async Task<string> UserIdAsync(IServiceProvider services, string email) =>
        (await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;

    [Fact]
    public async Task TheProgrammePlanTurnsFromOverdueToDoneWhenEveryPlannedMeasureIsRecorded()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = await SignedInAsync(clinic, clinic.TherapistEmail);
        var sp = scope.ServiceProvider;
        var start = ThisMonday.AddDays(-14);
        var (patientId, programmeId) = await PatientOnProgrammeAsync(sp, "PLAN-1", start, await UserIdAsync(sp, clinic.TherapistEmail));
        var plans = sp.GetRequiredService<AssessmentPlanService>();

        var plan = (await plans.GetForProgrammeAsync(programmeId, Token))!;
        Assert.Equal(patientId, plan.PatientId);
        Assert.Equal((start, start.AddDays(25)), (plan.Start, plan.End));
        Assert.Equal([AssessmentPoint.Baseline, AssessmentPoint.End], plan.Items.Select(i => i.Point));
        Assert.Equal([start, start.AddDays(25)], plan.Items.Select(i => i.DueDate));
        var baseline = plan.Items[0];
        Assert.Equal(PlannedAssessmentStatus.Overdue, baseline.Status);
        Assert.Equal("BBS, TUG, 10MWT comfortable, 6MWT", baseline.MeasuresText);
        Assert.Equal($"patients/{patientId}/assessments/new?timePoint=Baseline&measures=BBS%2CTUG%2C10MWT-C%2C6MWT", baseline.RecordHref);

        // Part of the baseline three days before the start: still overdue, with what is missing.
        var assessments = sp.GetRequiredService<AssessmentService>();
        Assert.True((await assessments.CreateAsync(patientId, Assessment(start.AddDays(-3), AssessmentTimePoint.Baseline, BergTotalling(38), Tug(18.4m)), Token)).Succeeded);
        baseline = (await plans.GetForProgrammeAsync(programmeId, Token))!.Items[0];
        Assert.Equal(PlannedAssessmentStatus.Overdue, baseline.Status);
        Assert.Equal(["10MWT comfortable", "6MWT"], baseline.Missing);
        Assert.EndsWith("measures=10MWT-C%2C6MWT", baseline.RecordHref, StringComparison.Ordinal);

        // The rest at a second sitting on the start date: done. An end-of-programme recording does not count for the baseline.
        Assert.True((await assessments.CreateAsync(patientId, Assessment(start, AssessmentTimePoint.EndOfProgramme, TenMetre(10, 22.2m), SixMinute(240)), Token)).Succeeded);
        Assert.Equal(PlannedAssessmentStatus.Overdue, (await plans.GetForProgrammeAsync(programmeId, Token))!.Items[0].Status);
        Assert.True((await assessments.CreateAsync(patientId, Assessment(start, AssessmentTimePoint.Baseline, TenMetre(10, 22.2m), SixMinute(240)), Token)).Succeeded);
        plan = (await plans.GetForProgrammeAsync(programmeId, Token))!;
        Assert.Equal(PlannedAssessmentStatus.Done, plan.Items[0].Status);
        Assert.Equal(start, plan.Items[0].RecordedOn);
        Assert.NotEqual(PlannedAssessmentStatus.Done, plan.Items[1].Status);
    }

    [Fact]
    public async Task DueThisWeekListsOnlyTheSignedInTherapistsProgrammesOfTheirClinic()
    {
        var clinic = await app.CreateClinicAsync();
        var other = await app.CreateClinicAsync();
        var today = Today;
        Guid mine, done, colleagues;
        await using (var setup = app.ScopeFor(clinic))
        {
            var sp = setup.ServiceProvider;
            var therapist = await UserIdAsync(sp, clinic.TherapistEmail);
            var protocolId = (await sp.GetRequiredService<ProtocolService>().CloneTemplateAsync(ProtocolTemplates.ChronicStroke4WeeksKey, Token)).Id;
            // Baselines due today: one to do, one already recorded yesterday, one in a colleague's programme.
            (mine, _) = await PatientOnProgrammeAsync(sp, "DUE-1", today, therapist, protocolId);
            (done, _) = await PatientOnProgrammeAsync(sp, "DUE-2", today, therapist, protocolId);
            Assert.True((await sp.GetRequiredService<AssessmentService>().CreateAsync(done,
                Assessment(today.AddDays(-1), AssessmentTimePoint.Baseline, BergTotalling(38), Tug(18.4m), TenMetre(10, 22.2m), SixMinute(240)), Token)).Succeeded);
            (colleagues, _) = await PatientOnProgrammeAsync(sp, "DUE-3", today, await UserIdAsync(sp, clinic.AdminEmail), protocolId);
            // Starting in five weeks: nothing due this week.
            await PatientOnProgrammeAsync(sp, "DUE-4", ThisMonday.AddDays(35), therapist, protocolId);
        }
        await using (var setup = app.ScopeFor(other))
        {
            await PatientOnProgrammeAsync(setup.ServiceProvider, "DUE-X", today, await UserIdAsync(setup.ServiceProvider, other.TherapistEmail));
        }

        await using var scope = await SignedInAsync(clinic, clinic.TherapistEmail);
        var due = await scope.ServiceProvider.GetRequiredService<AssessmentPlanService>().DueThisWeekForMeAsync(Token);

        var row = Assert.Single(due);
        Assert.Equal((mine, "DUE-1", AssessmentPoint.Baseline, today, PlannedAssessmentStatus.Due), (row.PatientId, row.RecordNumber, row.Item.Point, row.Item.DueDate, row.Item.Status));
        Assert.Equal("Chronic stroke, 4 weeks", row.ProtocolName);

        await using var colleague = await SignedInAsync(clinic, clinic.AdminEmail);
        Assert.Equal([colleagues], (await colleague.ServiceProvider.GetRequiredService<AssessmentPlanService>().DueThisWeekForMeAsync(Token)).Select(d => d.PatientId));
    }

    [Fact]
    public async Task DueThisWeekListsTheFollowUpsAndEndAssessmentsOfCompletedProgrammesStillInTheirWindow()
    {
        var clinic = await app.CreateClinicAsync();
        var today = Today;
        Guid followUpDue, endOverdue;
        await using (var setup = app.ScopeFor(clinic))
        {
            var sp = setup.ServiceProvider;
            var therapist = await UserIdAsync(sp, clinic.TherapistEmail);
            var protocols = sp.GetRequiredService<ProtocolService>();
            var protocolId = (await protocols.CloneTemplateAsync(ProtocolTemplates.ChronicStroke4WeeksKey, Token)).Id;
            var edit = (await protocols.GetForEditAsync(protocolId, Token))!;
            edit.Outcomes.Add(new OutcomeInput { Point = AssessmentPoint.FollowUp, Week = 12, MeasureCodes = new(StringComparer.OrdinalIgnoreCase) { "BBS" } });
            var updated = await protocols.UpdateAsync(protocolId, edit, Token);
            Assert.True(updated.Succeeded, updated.Message);

            // Completed programmes (ended on the dates below; the app only ends programmes today, so the test sets them):
            // the 12-week follow-up due today; the end assessment 10 days overdue; a follow-up whose window closed
            // long ago; an end assessment two years ago.
            (followUpDue, var a) = await PatientOnProgrammeAsync(sp, "FUP-1", today.AddDays(-84 - 28), therapist, protocolId);
            (endOverdue, var b) = await PatientOnProgrammeAsync(sp, "FUP-2", today.AddDays(-10 - 28), therapist, protocolId);
            var (_, c) = await PatientOnProgrammeAsync(sp, "FUP-3", today.AddDays(-84 - 60 - 28), therapist, protocolId);
            var (_, d) = await PatientOnProgrammeAsync(sp, "FUP-4", today.AddDays(-730 - 28), therapist, protocolId);
            await using var db = await sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
            foreach (var (id, ended) in new[] { (a, today.AddDays(-84)), (b, today.AddDays(-10)), (c, today.AddDays(-84 - 60)), (d, today.AddDays(-730)) })
            {
                var programme = await db.Set<Programme>().FindAsync([id], Token);
                programme!.Status = ProgrammeStatus.Completed;
                programme.EndedOn = ended;
            }
            await db.SaveChangesAsync(Token);
        }

        await using var scope = await SignedInAsync(clinic, clinic.TherapistEmail);
        var due = await scope.ServiceProvider.GetRequiredService<AssessmentPlanService>().DueThisWeekForMeAsync(Token);

        Assert.Equal((AssessmentPoint.FollowUp, today, PlannedAssessmentStatus.Due),
            Assert.Single(due, d => d.PatientId == followUpDue).Item is var f ? (f.Point, f.DueDate, f.Status) : default);
        Assert.Equal((AssessmentPoint.End, today.AddDays(-10), PlannedAssessmentStatus.Overdue),
            Assert.Single(due, d => d.PatientId == endOverdue).Item is var e ? (e.Point, e.DueDate, e.Status) : default);
        Assert.Equal(2, due.Count);
    }

    [Fact]
    public async Task TheTimelineHoldsEachProgrammesPeriodAndTheDeliveredMinutesPerWeekUpToToday()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = await SignedInAsync(clinic, clinic.TherapistEmail);
        var sp = scope.ServiceProvider;
        var start = ThisMonday.AddDays(-14);
        var (patientId, programmeId) = await PatientOnProgrammeAsync(sp, "TL-1", start, await UserIdAsync(sp, clinic.TherapistEmail));
        var programmes = sp.GetRequiredService<ProgrammeService>();
        var programme = (await programmes.GetAsync(programmeId, Token))!;
        // Session 2 (Wednesday of week 1) cancelled: week 1 has two sessions of 30 minutes.
        Assert.True((await programmes.CancelSessionAsync(programmeId, programme.Version, 2, Token)).Succeeded);

        // Delivered: week 1 sessions 1 (30 min) and 3 (partial, 20 min); week 2 sessions 4 (30) and 5 (25), 6 missed;
        // an extra 10-minute session in week 2; nothing recorded this week.
        var sessions = sp.GetRequiredService<SessionService>();
        foreach (var (sequence, status, minutes) in new[] { (1, SessionStatus.Completed, 30m), (3, SessionStatus.Partial, 20m), (4, SessionStatus.Completed, 30m), (5, SessionStatus.Completed, 25m) })
        {
            var input = (await sessions.GetFormAsync(programmeId, sequence, cancellationToken: Token))!.Input;
            (input.Status, input.MainMinutes, input.Rpe) = (status, minutes, 12);
            Assert.True((await sessions.SaveAsync(programmeId, input, Token)).Succeeded);
        }
        Assert.True((await sessions.MarkMissedAsync(programmeId, 6, Token)).Succeeded);
        Assert.True((await sessions.SaveAsync(programmeId, new SessionInput { Date = start.AddDays(8), Status = SessionStatus.Completed, MainMinutes = 10, Rpe = 11 }, Token)).Succeeded);

        var timeline = await sp.GetRequiredService<ProgressTimelineService>().GetAsync(patientId, Token);

        var period = Assert.Single(timeline.Programmes);
        Assert.Equal(("Chronic stroke, 4 weeks", start, (DateOnly?)start.AddDays(25)), (period.Name, period.Start, period.End));
        Assert.Equal([start, start.AddDays(7), ThisMonday], timeline.WeeklyDose.Select(w => w.WeekStart));
        Assert.Equal([50, 65, 0], timeline.WeeklyDose.Select(w => w.Minutes));

        // The progress review carries the timeline; a patient without programmes has none.
        var review = (await sp.GetRequiredService<ProgressService>().GetAsync(patientId, timeline, cancellationToken: Token))!;
        Assert.Equal(start, review.From);
        var none = await sp.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("TL-2"), Token);
        Assert.True((await sp.GetRequiredService<ProgressTimelineService>().GetAsync(none.Id, Token)).IsEmpty);
    }
}
