using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

public sealed class SessionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DayOfWeek[] MonWedFri = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday];

    /// <summary>A chronic-stroke programme on Mon/Wed/Fri that started some weeks before this week's Monday (three: sessions 1–9 are past).</summary>
    private async Task<(ProgrammeSetup Setup, Guid ProgrammeId)> ProgrammeInThePastAsync(string record = "SES-1", int weeksBeforeThisWeek = 3)
    {
        var setup = await ProgrammeData.SetUpAsync(app, record);
        await using var scope = app.ScopeFor(setup.Clinic);
        var start = ProgrammeData.NextMonday().AddDays(-7 * (weeksBeforeThisWeek + 1));
        var assigned = await scope.ServiceProvider.GetRequiredService<ProgrammeService>().AssignAsync(ProgrammeData.Assign(setup, start, MonWedFri), Token);
        Assert.True(assigned.Succeeded, assigned.Message);
        return (setup, assigned.Id);
    }

    [Fact]
    public async Task ARecordedSessionCannotBeMovedOrCancelledFromTheSchedule()
    {
        var (setup, programmeId) = await ProgrammeInThePastAsync("SES-LOCK");
        await using var scope = app.ScopeFor(setup.Clinic);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        Assert.True((await sessions.SaveAsync(programmeId, await SessionData.CompletedAsync(sessions, programmeId, 1), Token)).Succeeded);
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var version = (await programmes.GetAsync(programmeId, Token))!.Version;

        var cancelled = await programmes.CancelSessionAsync(programmeId, version, 1, Token);
        var moved = await programmes.MoveSessionAsync(programmeId, version, 1, ProgrammeData.NextMonday(), Token);

        Assert.Equal("Session 1 has already been recorded, so it cannot be cancelled. Edit its session record instead.", cancelled.Message);
        Assert.Equal("Session 1 has already been recorded, so it cannot be moved. Edit its session record instead.", moved.Message);
        var schedule = await programmes.GetScheduleAsync(programmeId, Token);
        Assert.True(schedule.Single(s => s.Sequence == 1).IsPlanned);
        Assert.True((await programmes.CancelSessionAsync(programmeId, version, 2, Token)).Succeeded);
    }

    [Fact]
    public async Task SavingASessionUpdatesAdherenceAndDose()
    {
        var (setup, programmeId) = await ProgrammeInThePastAsync();
        await using var scope = app.ScopeFor(setup.Clinic);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        var before = (await sessions.GetAdherenceAsync(programmeId, Token))!.Summary;
        Assert.Equal(0, before.Delivered);
        Assert.True(before.PlannedToDate >= 9);
        Assert.Contains(AdherenceFlag.UnrecordedSessions, before.Flags);

        var saved = await sessions.SaveAsync(programmeId, await SessionData.CompletedAsync(sessions, programmeId, 1), Token);
        Assert.True(saved.Succeeded, saved.Message);
        var partial = await SessionData.CompletedAsync(sessions, programmeId, 2);
        partial.Status = SessionStatus.Partial;
        partial.MainMinutes = 20;
        Assert.True((await sessions.SaveAsync(programmeId, partial, Token)).Succeeded);
        // A session cancelled by the clinic leaves the denominator; a missed one counts against the patient.
        var cancelled = new SessionInput { Sequence = 3, Date = (await sessions.GetFormAsync(programmeId, 3, cancellationToken: Token))!.Planned!.Date, Status = SessionStatus.CancelledByClinic };
        Assert.True((await sessions.SaveAsync(programmeId, cancelled, Token)).Succeeded);
        Assert.True((await sessions.MarkMissedAsync(programmeId, 4, Token)).Succeeded);

        var after = (await sessions.GetAdherenceAsync(programmeId, Token))!;
        Assert.Equal(2, after.Summary.Delivered);
        Assert.Equal(before.PlannedToDate - 1, after.Summary.PlannedToDate);
        Assert.Equal(1, after.Summary.CancelledByClinic);
        Assert.Equal(50m, after.Summary.DeliveredMainMinutes);
        Assert.Equal(SessionStatus.Missed, after.RecordedBySequence[4]);
        var patient = (await sessions.GetPatientAdherenceAsync(setup.PatientId, Token))!;
        Assert.Equal(2, patient.Delivered);
        Assert.Equal(after.Summary.PlannedToDate, patient.PlannedToDate);

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(SessionRecord)).ToListAsync(Token);
        Assert.Equal(4, audit.Count(a => a.Action == AuditAction.Created));
        Assert.Contains(audit, a => a.EntityId == saved.Id && a.Changes.Any(c => c.Field == nameof(SessionRecord.Rpe) && c.To == "12"));
    }

    [Fact]
    public async Task ARepeatedSaveWithTheSameKeyReturnsTheSavedRecordInsteadOfASecondOne()
    {
        var (setup, programmeId) = await ProgrammeInThePastAsync();
        await using var scope = app.ScopeFor(setup.Clinic);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        var input = await SessionData.CompletedAsync(sessions, programmeId, 1);

        var first = await sessions.SaveAsync(programmeId, input, Token);
        // The same form saved again (a retry after a lost connection), and the same extra session twice.
        var again = await sessions.SaveAsync(programmeId, input, Token);
        var extra = new SessionInput { Date = ProgrammeData.NextMonday().AddDays(-8), Status = SessionStatus.Completed, MainMinutes = 15, Rpe = 11 };
        var extraFirst = await sessions.SaveAsync(programmeId, extra, Token);
        var extraAgain = await sessions.SaveAsync(programmeId, extra, Token);

        Assert.True(first.Succeeded && again.Succeeded && extraFirst.Succeeded && extraAgain.Succeeded);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Version, again.Version);
        Assert.Contains("not saved twice", again.Message, StringComparison.Ordinal);
        Assert.Equal(extraFirst.Id, extraAgain.Id);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        Assert.Equal(2, await db.Set<SessionRecord>().CountAsync(r => r.ProgrammeId == programmeId, Token));
        Assert.Equal(1, (await sessions.GetAdherenceAsync(programmeId, Token))!.ExtraSessions);
    }

    [Fact]
    public async Task TheSecondOfTwoEditsOfTheSameRecordIsRefusedAndNothingIsLost()
    {
        var (setup, programmeId) = await ProgrammeInThePastAsync();
        await using var scope = app.ScopeFor(setup.Clinic);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        var saved = await sessions.SaveAsync(programmeId, await SessionData.CompletedAsync(sessions, programmeId, 1), Token);
        var mine = (await sessions.GetFormAsync(programmeId, 1, cancellationToken: Token))!.Input;
        var theirs = (await sessions.GetFormAsync(programmeId, 1, cancellationToken: Token))!.Input;
        Assert.Equal(saved.Id, mine.Id);

        mine.Notes = "Walked well.";
        Assert.True((await sessions.SaveAsync(programmeId, mine, Token)).Succeeded);
        theirs.Rpe = 15;
        var refused = await sessions.SaveAsync(programmeId, theirs, Token);

        Assert.Equal(SaveStatus.Conflict, refused.Status);
        Assert.Contains("Someone else changed this session record", refused.Message, StringComparison.Ordinal);
        var stored = (await sessions.GetFormAsync(programmeId, 1, cancellationToken: Token))!.Input;
        Assert.Equal(("Walked well.", 12m), (stored.Notes, stored.Rpe));

        // Two people recording the same planned session from two new forms: the second is refused.
        var a = await SessionData.CompletedAsync(sessions, programmeId, 2);
        var b = await SessionData.CompletedAsync(sessions, programmeId, 2);
        Assert.True((await sessions.SaveAsync(programmeId, a, Token)).Succeeded);
        var second = await sessions.SaveAsync(programmeId, b, Token);
        Assert.Equal(SaveStatus.Conflict, second.Status);
        Assert.Contains("Session 2 was recorded by someone else", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImplausibleValuesAreRefusedAtTheirFieldsAndNothingIsSaved()
    {
        var (setup, programmeId) = await ProgrammeInThePastAsync();
        await using var scope = app.ScopeFor(setup.Clinic);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        var input = await SessionData.CompletedAsync(sessions, programmeId, 1);
        input.MainMinutes = 181;
        input.Rpe = 21;
        input.PeakHeartRate = 231;
        input.SystolicAfter = 80;
        input.DiastolicAfter = 90;
        input.PainAfter = 11;
        input.Date = TestClock.Today.AddDays(1);

        var result = await sessions.SaveAsync(programmeId, input, Token);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Equal(
            [nameof(SessionInput.Date), nameof(SessionInput.MainMinutes), nameof(SessionInput.PainAfter),
                nameof(SessionInput.PeakHeartRate), nameof(SessionInput.Rpe), nameof(SessionInput.SystolicAfter)],
            result.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Systolic BP must be above diastolic BP.", result.Errors[nameof(SessionInput.SystolicAfter)].Single());
        Assert.Equal("RPE must be between 6 and 20 on the Borg 6–20 scale.", result.Errors[nameof(SessionInput.Rpe)].Single());

        var early = await SessionData.CompletedAsync(sessions, programmeId, 1);
        early.Date = ProgrammeData.NextMonday().AddDays(-29);
        Assert.StartsWith("The session date is before the programme start", (await sessions.SaveAsync(programmeId, early, Token)).Errors![nameof(SessionInput.Date)].Single(), StringComparison.Ordinal);

        // A failed screening blocks the session: it cannot be recorded as done, and the reason is kept when recorded as not done.
        var screened = await SessionData.CompletedAsync(sessions, programmeId, 1);
        screened.RestingSystolic = 210;
        Assert.Contains(nameof(SessionInput.Status), (await sessions.SaveAsync(programmeId, screened, Token)).Errors!.Keys);
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token))
        {
            Assert.False(await db.Set<SessionRecord>().AnyAsync(r => r.ProgrammeId == programmeId, Token));
        }
        var notDone = new SessionInput { Sequence = 1, Date = screened.Date, Status = SessionStatus.CancelledByClinic, RestingSystolic = 210, RestingDiastolic = 95 };
        Assert.True((await sessions.SaveAsync(programmeId, notDone, Token)).Succeeded);
        var history = (await sessions.GetHistoryAsync(programmeId, cancellationToken: Token))!;
        var row = Assert.Single(history.Sessions);
        Assert.False(row.ScreeningPassed);
        Assert.Equal("Resting systolic BP 210 mmHg is above the limit of 200 mmHg: no session today.", row.ScreeningReason);
    }

    [Fact]
    public async Task TheNextSessionsSuggestionRisesAfterToleratedSessionsHoldsAfterANearFallAndAcceptingItUpdatesThePlan()
    {
        // Started last Monday: sessions 1-3 last week, session 4 on this week's Monday (within the last 7 days).
        var (setup, programmeId) = await ProgrammeInThePastAsync(weeksBeforeThisWeek: 1);
        await using var scope = app.ScopeFor(setup.Clinic);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        SaveResult last = default!;
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            last = await sessions.SaveAsync(programmeId, await SessionData.CompletedAsync(sessions, programmeId, sequence), Token);
            Assert.True(last.Succeeded, last.Message);
        }

        var rise = (await sessions.SuggestNextAsync(programmeId, last.Id, Token))!;
        Assert.Equal(4, rise.Sequence);
        Assert.Equal(1.2m, rise.Suggested.SpeedKmh);

        var nearFall = await SessionData.CompletedAsync(sessions, programmeId, 4);
        nearFall.EndSpeed = 1.2m;
        nearFall.AdverseEvents.Single(e => e.Type == AdverseEventType.NearFall).Occurred = true;
        nearFall.AdverseEvents.Single(e => e.Type == AdverseEventType.NearFall).Note = "Caught heel on the belt edge.";
        var fourth = await sessions.SaveAsync(programmeId, nearFall, Token);
        var hold = (await sessions.SuggestNextAsync(programmeId, fourth.Id, Token))!;
        Assert.Equal((5, ProgressionAction.Hold), (hold.Sequence, hold.Action));
        Assert.Contains("Hold: near-fall in the last session.", hold.Reasons);

        var overridden = await sessions.DecideAsync(programmeId, new DecisionInput
        {
            ForSequence = 5, AfterRecordId = fourth.Id, Choice = PrescriptionChoice.Overridden, Speed = 1.0m, Incline = 0, MainMinutes = 25, Reason = "Cautious after the near-fall",
        }, Token);
        Assert.True(overridden.Succeeded, overridden.Message);
        var schedule = await scope.ServiceProvider.GetRequiredService<ProgrammeService>().GetScheduleAsync(programmeId, Token);
        Assert.Equal((1.0m, 25m), (schedule.Single(s => s.Sequence == 5).Prescription.SpeedKmh, schedule.Single(s => s.Sequence == 5).Prescription.MainMinutes));
        var decided = (await sessions.SuggestNextAsync(programmeId, fourth.Id, Token))!.Decision!;
        Assert.Equal((PrescriptionChoice.Overridden, "Test Therapist", "Cautious after the near-fall"), (decided.Choice, decided.DecidedBy, decided.OverrideReason));
        var flags = (await scope.ServiceProvider.GetRequiredService<DashboardFlagService>().FlagsAsync(cancellationToken: Token)).Rows;
        Assert.Contains(AdherenceFlag.RecentAdverseEvent, Assert.Single(flags, f => f.ProgrammeId == programmeId).Flags);

        var badOverride = await sessions.DecideAsync(programmeId, new DecisionInput { ForSequence = 5, AfterRecordId = fourth.Id, Choice = PrescriptionChoice.Overridden, Speed = 9m, Incline = 0, MainMinutes = 30 }, Token);
        Assert.Equal(SaveStatus.Invalid, badOverride.Status);
        Assert.Contains(nameof(DecisionInput.Speed), badOverride.Errors!.Keys);
    }

    [Fact]
    public async Task TwoMissedSessionsInARowRaiseTheFlag()
    {
        var (setup, programmeId) = await ProgrammeInThePastAsync();
        await using var scope = app.ScopeFor(setup.Clinic);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        for (var sequence = 1; sequence <= 9; sequence++)
        {
            var result = sequence <= 7
                ? await sessions.SaveAsync(programmeId, await SessionData.CompletedAsync(sessions, programmeId, sequence), Token)
                : await sessions.MarkMissedAsync(programmeId, sequence, Token);
            Assert.True(result.Succeeded, result.Message);
        }

        var summary = (await sessions.GetAdherenceAsync(programmeId, Token))!.Summary;
        Assert.True(summary.ConsecutiveMissed >= 2);
        var flagged = Assert.Single((await scope.ServiceProvider.GetRequiredService<DashboardFlagService>().FlagsAsync(cancellationToken: Token)).Rows, f => f.ProgrammeId == programmeId);
        Assert.Contains(AdherenceFlag.ConsecutiveMissedSessions, flagged.Flags);
        var again = await sessions.MarkMissedAsync(programmeId, 9, Token);
        Assert.Equal(SaveStatus.Conflict, again.Status);
    }

    [Fact]
    public async Task AUserOfAnotherClinicCannotSeeOrRecordTheSessions()
    {
        var (setup, programmeId) = await ProgrammeInThePastAsync();
        await using (var scope = app.ScopeFor(setup.Clinic))
        {
            var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
            Assert.True((await sessions.SaveAsync(programmeId, await SessionData.CompletedAsync(sessions, programmeId, 1), Token)).Succeeded);
        }
        var other = await app.CreateClinicAsync();
        await using var otherScope = app.ScopeFor(other);
        var theirs = otherScope.ServiceProvider.GetRequiredService<SessionService>();

        Assert.Null(await theirs.GetFormAsync(programmeId, 1, cancellationToken: Token));
        Assert.Null(await theirs.GetAdherenceAsync(programmeId, Token));
        Assert.Null(await theirs.GetHistoryAsync(programmeId, cancellationToken: Token));
        Assert.Null(await theirs.GetPatientAdherenceAsync(setup.PatientId, Token));
        Assert.DoesNotContain((await otherScope.ServiceProvider.GetRequiredService<DashboardFlagService>().FlagsAsync(cancellationToken: Token)).Rows, f => f.ProgrammeId == programmeId);
        var input = new SessionInput { Sequence = 2, Date = ProgrammeData.NextMonday().AddDays(-26), Status = SessionStatus.Completed };
        Assert.Equal(SaveStatus.NotFound, (await theirs.SaveAsync(programmeId, input, Token)).Status);
        Assert.Equal(SaveStatus.NotFound, (await theirs.MarkMissedAsync(programmeId, 2, Token)).Status);
        await using var db = await otherScope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        Assert.Equal(0, await db.Set<SessionRecord>().CountAsync(Token));
    }
}
