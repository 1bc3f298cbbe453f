using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

public sealed class ProgrammeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DayOfWeek[] MonWedFri = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday];
    private static readonly int[] MonWedFriOffsets = [0, 2, 4];

    [Fact]
    public async Task AssigningPersistsTheDatedScheduleWithEachSessionsPrescription()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var monday = ProgrammeData.NextMonday();

        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, monday, MonWedFri), Token);

        Assert.True(assigned.Succeeded);
        Assert.StartsWith("12 sessions planned from", assigned.Message, StringComparison.Ordinal);
        // Read back through a fresh service scope: the schedule is in the database.
        await using var fresh = app.ScopeFor(setup.Clinic);
        var programme = (await fresh.ServiceProvider.GetRequiredService<ProgrammeService>().GetAsync(assigned.Id, Token))!;
        Assert.Equal(ProgrammeStatus.Planned, programme.Status);
        Assert.Equal(Weekdays.Monday | Weekdays.Wednesday | Weekdays.Friday, programme.TrainingDays);
        Assert.Equal("Test Therapist", programme.TherapistName);
        var expectedDates = Enumerable.Range(0, 4).SelectMany(w => MonWedFriOffsets.Select(d => monday.AddDays((7 * w) + d)));
        Assert.Equal(expectedDates, programme.Sessions.Select(s => s.Date));
        Assert.Equal(Enumerable.Range(1, 12), programme.Sessions.Select(s => s.Sequence));
        // +0.2 km/h per week from 1.0 km/h; 5 + 30 + 5 minutes.
        Assert.Equal([1.0m, 1.2m, 1.4m, 1.6m], programme.Sessions.Chunk(3).Select(week => week.Select(s => s.Prescription.SpeedKmh).Distinct().Single()));
        Assert.All(programme.Sessions, s => Assert.Equal((5m, 30m, 5m), (s.Prescription.WarmUpMinutes, s.Prescription.MainMinutes, s.Prescription.CoolDownMinutes)));
    }

    [Fact]
    public async Task WithoutChosenDaysTheDefaultSpreadIsUsedAndTooFewDaysAreRefused()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();

        var refused = await programmes.AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday(), DayOfWeek.Monday, DayOfWeek.Thursday), Token);
        Assert.Equal(SaveStatus.Invalid, refused.Status);
        Assert.Equal("The protocol has 3 sessions a week but only 2 training days are chosen.", refused.Errors![nameof(AssignInput.TrainingDays)].Single());
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(0, await db.Set<Programme>().CountAsync(Token));
        Assert.Equal(0, await db.Set<ScheduledSession>().CountAsync(Token));

        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday()), Token);
        Assert.Equal(Weekdays.Monday | Weekdays.Wednesday | Weekdays.Friday, (await programmes.GetAsync(assigned.Id, Token))!.TrainingDays);
    }

    [Fact]
    public async Task APatientCanHaveOnlyOneOngoingProgramme()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var first = await programmes.AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday()), Token);

        var second = await programmes.AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday().AddDays(7)), Token);

        Assert.Equal(SaveStatus.Invalid, second.Status);
        Assert.Contains("already has a planned programme (Chronic stroke, 4 weeks", second.Message, StringComparison.Ordinal);
        Assert.Contains("only one programme at a time", second.Message, StringComparison.Ordinal);
        Assert.Single(await programmes.ListForPatientAsync(setup.PatientId, Token));

        // Once the first is discontinued, another may be assigned.
        Assert.True((await programmes.DiscontinueAsync(first.Id, first.Version, "Moved away", Token)).Succeeded);
        Assert.True((await programmes.AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday().AddDays(7)), Token)).Succeeded);
    }

    [Fact]
    public async Task PauseAndResumeShiftTheLaterSessionsToTheNextTrainingDays()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var monday = ProgrammeData.NextMonday();
        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, monday, MonWedFri), Token);

        // Pause from the second week's Monday, resume a week later: sessions 4-12 move one week on.
        var paused = await programmes.PauseAsync(assigned.Id, assigned.Version, monday.AddDays(7), Token);
        Assert.True(paused.Succeeded);
        Assert.Equal(ProgrammeStatus.Paused, (await programmes.GetAsync(assigned.Id, Token))!.Status);
        var resumed = await programmes.ResumeAsync(assigned.Id, paused.Version, monday.AddDays(14), Token);
        Assert.True(resumed.Succeeded);

        var programme = (await programmes.GetAsync(assigned.Id, Token))!;
        Assert.Equal(ProgrammeStatus.Planned, programme.Status);
        Assert.Null(programme.PausedFrom);
        Assert.Equal([monday, monday.AddDays(2), monday.AddDays(4)], programme.Sessions.Take(3).Select(s => s.Date));
        Assert.Equal(monday.AddDays(14), programme.Sessions[3].Date);
        Assert.Equal(monday.AddDays(32), programme.Sessions[^1].Date);
        // The dose follows the training week, not the calendar.
        Assert.Equal(2, programme.Sessions[3].Week);
        Assert.Equal(1.2m, programme.Sessions[3].Prescription.SpeedKmh);
    }

    [Fact]
    public async Task ARefusalWritesItsDateTheWayTheClinicWritesDates()
    {
        var setup = await ProgrammeData.SetUpAsync(app, "PRG-DATES");
        await using (var admin = app.ScopeFor(setup.Clinic, admin: true))
        {
            var settings = admin.ServiceProvider.GetRequiredService<ClinicSettingsService>();
            var input = (await settings.GetAsync(Token))!;
            input.DateStyle = DateStyle.DayMonthYear;
            Assert.True((await settings.SaveAsync(input, Token)).Succeeded);
        }
        await using var scope = app.ScopeFor(setup.Clinic);
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var monday = ProgrammeData.NextMonday();
        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, monday, MonWedFri), Token);

        var clash = await programmes.MoveSessionAsync(assigned.Id, assigned.Version, 2, monday, Token);

        Assert.Equal($"{monday:dd'/'MM'/'yyyy} already has a session.", clash.Message);
    }

    [Fact]
    public async Task SessionsCanBeMovedCancelledAndMadeUp()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var monday = ProgrammeData.NextMonday();
        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, monday, MonWedFri), Token);

        var moved = await programmes.MoveSessionAsync(assigned.Id, assigned.Version, 2, monday.AddDays(1), Token);
        Assert.True(moved.Succeeded);
        var clash = await programmes.MoveSessionAsync(assigned.Id, moved.Version, 3, monday, Token);
        Assert.Equal(SaveStatus.Invalid, clash.Status);
        Assert.Equal($"{scope.ServiceProvider.GetRequiredService<ClinicFormats>().Date(monday)} already has a session.", clash.Message);

        var cancelled = await programmes.CancelSessionAsync(assigned.Id, moved.Version, 3, Token);
        Assert.True(cancelled.Succeeded);
        var madeUp = await programmes.AddMakeUpAsync(assigned.Id, cancelled.Version, monday.AddDays(5), 3, Token);
        Assert.True(madeUp.Succeeded);

        var sessions = (await programmes.GetAsync(assigned.Id, Token))!.Sessions;
        Assert.Equal(monday.AddDays(1), sessions.Single(s => s.Sequence == 2).Date);
        Assert.Equal(ScheduledSessionStatus.Cancelled, sessions.Single(s => s.Sequence == 3).Status);
        var makeUp = sessions.Single(s => s.Sequence == 13);
        Assert.True(makeUp.IsMakeUp);
        Assert.Equal(3, makeUp.ReplacesSequence);
        Assert.Equal(monday.AddDays(5), makeUp.Date);
        Assert.Equal(12, sessions.Count(s => s.IsPlanned));
    }

    [Fact]
    public async Task AChangeFromAStaleProgrammePageIsRefusedAndNothingIsLost()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var monday = ProgrammeData.NextMonday();
        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, monday, MonWedFri), Token);

        Assert.True((await programmes.MoveSessionAsync(assigned.Id, assigned.Version, 1, monday.AddDays(1), Token)).Succeeded);
        var stale = await programmes.CancelSessionAsync(assigned.Id, assigned.Version, 2, Token);

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Contains("Someone else changed this programme", stale.Message, StringComparison.Ordinal);
        var sessions = (await programmes.GetAsync(assigned.Id, Token))!.Sessions;
        Assert.Equal(monday.AddDays(1), sessions.Single(s => s.Sequence == 1).Date);
        Assert.True(sessions.Single(s => s.Sequence == 2).IsPlanned);
    }

    [Fact]
    public async Task ProgrammeChangesAreInTheAuditTrail()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var monday = ProgrammeData.NextMonday();
        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, monday, MonWedFri), Token);
        await programmes.MoveSessionAsync(assigned.Id, assigned.Version, 1, monday.AddDays(1), Token);

        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        var audit = await db.AuditEntries.ToListAsync(Token);
        Assert.Single(audit, a => a.EntityType == nameof(Programme) && a.EntityId == assigned.Id);
        Assert.Equal(12, audit.Count(a => a.EntityType == nameof(ScheduledSession) && a.Action == Data.Auditing.AuditAction.Created));
        var move = Assert.Single(audit, a => a.EntityType == nameof(ScheduledSession) && a.Action == Data.Auditing.AuditAction.Updated);
        Assert.Equal(new Data.Auditing.FieldChange(nameof(ScheduledSession.Date), monday.ToString("yyyy-MM-dd"), monday.AddDays(1).ToString("yyyy-MM-dd")), Assert.Single(move.Changes));
    }

    [Fact]
    public async Task AUserOfAnotherClinicCannotSeeOrChangeTheProgramme()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        Guid id;
        Guid version;
        await using (var a = app.ScopeFor(setup.Clinic))
        {
            var assigned = await a.ServiceProvider.GetRequiredService<ProgrammeService>()
                .AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday()), Token);
            (id, version) = (assigned.Id, assigned.Version);
        }
        var other = await app.CreateClinicAsync();
        await using var b = app.ScopeFor(other, admin: true);
        var programmes = b.ServiceProvider.GetRequiredService<ProgrammeService>();

        Assert.Null(await programmes.GetAsync(id, Token));
        Assert.Empty(await programmes.GetScheduleAsync(id, Token));
        Assert.Empty(await programmes.ListForPatientAsync(setup.PatientId, Token));
        Assert.Equal(SaveStatus.NotFound, (await programmes.MoveSessionAsync(id, version, 1, ProgrammeData.NextMonday().AddDays(1), Token)).Status);
        Assert.Equal(SaveStatus.NotFound, (await programmes.DiscontinueAsync(id, version, "No", Token)).Status);
        // Nor assign another clinic's protocol to another clinic's patient.
        Assert.Equal(SaveStatus.NotFound, (await programmes.AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday()), Token)).Status);
        var db = b.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(0, await db.Set<ScheduledSession>().CountAsync(Token));
    }
}

public sealed class OneOngoingProgrammeTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoAssignmentsAtTheSameMomentMakeOneProgrammeAndAClearRefusal()
    {
        var setup = await ProgrammeData.SetUpAsync(app, "RACE-1");
        var start = ProgrammeData.NextMonday();
        await using var first = app.ScopeFor(setup.Clinic);
        await using var second = app.ScopeFor(setup.Clinic);

        var results = await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<ProgrammeService>().AssignAsync(ProgrammeData.Assign(setup, start, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), Token),
            second.ServiceProvider.GetRequiredService<ProgrammeService>().AssignAsync(ProgrammeData.Assign(setup, start, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday), Token));

        Assert.Single(results, r => r.Succeeded);
        var refused = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains("A patient can have only one programme at a time", refused.Message, StringComparison.Ordinal);
        var db = first.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(1, await db.Set<Programme>().CountAsync(g => g.PatientId == setup.PatientId, Token));
    }

    [Fact]
    public async Task TheDatabaseItselfRefusesASecondOngoingProgrammeButNotACompletedOne()
    {
        var setup = await ProgrammeData.SetUpAsync(app, "RACE-2");
        await using var scope = app.ScopeFor(setup.Clinic);
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday(), DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), Token);
        Assert.True(assigned.Succeeded, assigned.Message);

        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        var existing = await db.Set<Programme>().AsNoTracking().SingleAsync(g => g.Id == assigned.Id, Token);
        db.Set<Programme>().Add(Copy(existing, ProgrammeStatus.Active));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Token));
        Assert.True(Database.IsUniqueViolation(error));

        db.ChangeTracker.Clear();
        db.Set<Programme>().Add(Copy(existing, ProgrammeStatus.Completed));
        await db.SaveChangesAsync(Token);
    }

    private static Programme Copy(Programme source, ProgrammeStatus status) => new()
    {
        ClinicId = source.ClinicId,
        PatientId = source.PatientId,
        ProtocolId = source.ProtocolId,
        ProtocolVersionId = source.ProtocolVersionId,
        ProtocolName = source.ProtocolName,
        ProtocolVersionNumber = source.ProtocolVersionNumber,
        TherapistUserId = source.TherapistUserId,
        TherapistName = source.TherapistName,
        StartDate = source.StartDate.AddDays(-60),
        TrainingDays = source.TrainingDays,
        Status = status,
    };
}
