using System.Collections.Immutable;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>
/// The dashboard's flags come from a database query that returns only the programmes that may be flagged; these tests
/// hold it to the clinical rule, programme by programme, and check the order and the top of the list.
/// </summary>
public sealed class DashboardFlagTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DayOfWeek[] MonWedFri = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday];

    private sealed record Clinic(TestClinic Test, Guid ProtocolId, string MyId, string ColleagueId, List<Guid> Programmes);

    [Fact]
    public async Task TheFlaggedProgrammesAreExactlyThoseTheAdherenceRuleFlagsOwnFirstThenAdverseEventsThenLongestRuns()
    {
        var clinic = await ClinicWithVariedProgrammesAsync();
        await using var scope = ScopeAs(clinic, clinic.MyId);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        var flags = scope.ServiceProvider.GetRequiredService<DashboardFlagService>();

        var expected = new List<Guid>();
        foreach (var id in clinic.Programmes)
        {
            var summary = (await sessions.GetAdherenceAsync(id, Token))!.Summary;
            if (summary.Flags.Any(f => f.IsDashboardFlag()))
            {
                expected.Add(id);
            }
        }
        var all = await flags.FlagsAsync(cancellationToken: Token);

        Assert.True(expected.Count >= 5, $"the scenario flags {expected.Count} programmes");
        Assert.Equal(expected.Order(), all.Rows.Select(r => r.ProgrammeId).Order());
        Assert.False(all.More);
        var ranks = all.Rows.Select(r => (r.IsMine, r.Flags.Contains(AdherenceFlag.RecentAdverseEvent), r.ConsecutiveMissed)).ToList();
        Assert.Equal(ranks.OrderByDescending(r => r), ranks);
        Assert.Contains(all.Rows, r => r.IsMine);
        Assert.Contains(all.Rows, r => !r.IsMine);
        Assert.Contains(all.Rows, r => r.Flags.Contains(AdherenceFlag.RecentAdverseEvent));
        Assert.Contains(all.Rows, r => r.Flags.Contains(AdherenceFlag.PastEndDateStillActive));
        Assert.Contains(all.Rows, r => r.Flags.Contains(AdherenceFlag.ConsecutiveMissedSessions));

        var top = await flags.FlagsAsync(2, Token);
        Assert.Equal(all.Rows.Take(2).Select(r => r.ProgrammeId), top.Rows.Select(r => r.ProgrammeId));
        Assert.True(top.More);
        var exact = await flags.FlagsAsync(expected.Count, Token);
        Assert.Equal(expected.Count, exact.Rows.Count);
        Assert.False(exact.More);
    }

    [Fact]
    public async Task AColleagueSeesTheirOwnFlaggedProgrammesFirst()
    {
        var clinic = await ClinicWithVariedProgrammesAsync();
        await using var scope = ScopeAs(clinic, clinic.ColleagueId);
        var flags = await scope.ServiceProvider.GetRequiredService<DashboardFlagService>().FlagsAsync(cancellationToken: Token);

        var mine = flags.Rows.TakeWhile(r => r.IsMine).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, r => Assert.Equal("Colleague Therapist", r.TherapistName));
        Assert.All(flags.Rows.Skip(mine.Count), r => Assert.False(r.IsMine));
    }

    [Fact]
    public async Task TheFlagsFollowEverySaveAndMatchAFreshComputationAndTheRule()
    {
        var clinic = await ClinicWithVariedProgrammesAsync();
        await using var scope = ScopeAs(clinic, clinic.MyId);
        var sp = scope.ServiceProvider;
        var flags = sp.GetRequiredService<DashboardFlagService>();
        var before = await flags.FlagsAsync(cancellationToken: Token);
        var (regular, noneRecorded, adverseEvent) = (clinic.Programmes[0], clinic.Programmes[2], clinic.Programmes[3]);
        Assert.Contains(before.Rows, r => r.ProgrammeId == adverseEvent);
        Assert.DoesNotContain(before.Rows, r => r.Flags.Contains(AdherenceFlag.RecentAdverseEvent) && r.ProgrammeId == regular);

        // Saved in another scope, as another app instance would: what the flags know comes from the database alone.
        await using (var other = app.ScopeFor(clinic.Test))
        {
            var sessions = other.ServiceProvider.GetRequiredService<SessionService>();
            var ninth = (await sessions.GetFormAsync(regular, 9, cancellationToken: Token))!.Input;
            ninth.Date = TestClock.Today;
            ninth.AdverseEvents.First().Occurred = true;
            ninth.AdverseEvents.First().Note = "Near-fall on the belt.";
            Assert.True((await sessions.SaveAsync(regular, ninth.ForSaving(), Token)).Succeeded);

            var programmes = other.ServiceProvider.GetRequiredService<ProgrammeService>();
            var version = (await programmes.GetAsync(adverseEvent, Token))!.Version;
            Assert.True((await programmes.DiscontinueAsync(adverseEvent, version, "Moved to another clinic.", Token)).Succeeded);

            var patients = other.ServiceProvider.GetRequiredService<PatientService>();
            var patientId = (await programmes.GetAsync(noneRecorded, Token))!.PatientId;
            var patient = (await patients.GetForEditAsync(patientId, Token))!;
            patient.FamilyName = "Renamed";
            Assert.True((await patients.UpdateAsync(patientId, patient, Token)).Succeeded);
        }

        var after = await flags.FlagsAsync(cancellationToken: Token);
        var fresh = await new DashboardFlagService(sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>(), sp.GetRequiredService<ClinicClock>(),
            sp.GetRequiredService<ICurrentUser>(), new FlagSnapshots()).FlagsAsync(cancellationToken: Token);
        Assert.Equal(Describe(fresh), Describe(after));
        Assert.Equal((await FlaggedByTheRuleAsync(sp.GetRequiredService<SessionService>(), sp.GetRequiredService<ProgrammeService>(), clinic)).Order(), after.Rows.Select(r => r.ProgrammeId).Order());
        Assert.Contains(AdherenceFlag.RecentAdverseEvent, Assert.Single(after.Rows, r => r.ProgrammeId == regular).Flags);
        Assert.DoesNotContain(after.Rows, r => r.ProgrammeId == adverseEvent);
        Assert.EndsWith(" Renamed", Assert.Single(after.Rows, r => r.ProgrammeId == noneRecorded).PatientName);
    }

    [Fact]
    public async Task ANewDayRecomputesTheFlagsWithoutASaveAndNeverServesAnotherDaysList()
    {
        var clinic = await ClinicWithVariedProgrammesAsync();
        await using var scope = ScopeAs(clinic, clinic.MyId);
        var sp = scope.ServiceProvider;
        var snapshots = sp.GetRequiredService<FlagSnapshots>();
        DashboardFlagService FlagsOn(ClinicClock clock) => new(sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>(), clock,
            sp.GetRequiredService<ICurrentUser>(), snapshots);
        var later = new ClinicClock(new FakeTimeProvider(TestClock.Start.AddDays(14)), sp.GetRequiredService<ClinicLocales>(),
            sp.GetRequiredService<ICurrentUser>(), sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>());
        var notStarted = clinic.Programmes[5];

        var today = await FlagsOn(sp.GetRequiredService<ClinicClock>()).FlagsAsync(cancellationToken: Token);
        var twoWeeksOn = await FlagsOn(later).FlagsAsync(cancellationToken: Token);
        var todayAgain = await FlagsOn(sp.GetRequiredService<ClinicClock>()).FlagsAsync(cancellationToken: Token);

        Assert.DoesNotContain(today.Rows, r => r.ProgrammeId == notStarted);
        Assert.Contains(AdherenceFlag.ConsecutiveMissedSessions, Assert.Single(twoWeeksOn.Rows, r => r.ProgrammeId == notStarted).Flags);
        var sessionsLater = new SessionService(sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>(), later, sp.GetRequiredService<ICurrentUser>(),
            sp.GetRequiredService<ClinicFormats>());
        Assert.Equal((await FlaggedByTheRuleAsync(sessionsLater, sp.GetRequiredService<ProgrammeService>(), clinic)).Order(), twoWeeksOn.Rows.Select(r => r.ProgrammeId).Order());
        Assert.Equal(Describe(today), Describe(todayAgain));
    }

    [Fact]
    public async Task FlagsKeptOnAnEarlierDayAreBroughtToTheClinicsTodayBeforeAnyoneReadsThem()
    {
        var clinic = await ClinicWithVariedProgrammesAsync();
        await using var scope = ScopeAs(clinic, clinic.MyId);
        var sp = scope.ServiceProvider;
        var snapshots = sp.GetRequiredService<FlagSnapshots>();
        var later = new ClinicClock(new FakeTimeProvider(TestClock.Start.AddDays(14)), sp.GetRequiredService<ClinicLocales>(),
            sp.GetRequiredService<ICurrentUser>(), sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>());
        var flagsLater = new DashboardFlagService(sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>(), later, sp.GetRequiredService<ICurrentUser>(), snapshots);
        var notStarted = clinic.Programmes[5];

        // Not read on this instance yet: nothing to bring forward.
        Assert.False(await flagsLater.WarmAsync(Token));
        var today = await sp.GetRequiredService<DashboardFlagService>().FlagsAsync(cancellationToken: Token);
        Assert.Equal(TestClock.Today, snapshots.Find(clinic.Test.Id)!.Today);

        // Two weeks on, the kept flags are evaluated for that day, once; the programme not started then is flagged.
        Assert.True(await flagsLater.WarmAsync(Token));
        var warm = snapshots.Find(clinic.Test.Id)!;
        Assert.Equal(TestClock.Today.AddDays(14), warm.Today);
        Assert.False(await flagsLater.WarmAsync(Token));
        Assert.Same(warm, snapshots.Find(clinic.Test.Id));
        Assert.Contains(AdherenceFlag.ConsecutiveMissedSessions, warm.Flags[notStarted].Row.Flags);
        var read = await flagsLater.FlagsAsync(cancellationToken: Token);
        Assert.Same(warm, snapshots.Find(clinic.Test.Id));
        var sessionsLater = new SessionService(sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>(), later, sp.GetRequiredService<ICurrentUser>(),
            sp.GetRequiredService<ClinicFormats>());
        Assert.Equal((await FlaggedByTheRuleAsync(sessionsLater, sp.GetRequiredService<ProgrammeService>(), clinic)).Order(), read.Rows.Select(r => r.ProgrammeId).Order());
        Assert.DoesNotContain(today.Rows, r => r.ProgrammeId == notStarted);
    }

    [Fact]
    public async Task TheWarmerBringsForwardEachClinicKeptOnAnEarlierDayAndLeavesTheRest()
    {
        var clinic = await ClinicWithVariedProgrammesAsync();
        var idle = await app.CreateClinicAsync();
        await using var scope = ScopeAs(clinic, clinic.MyId);
        var sp = scope.ServiceProvider;
        var snapshots = sp.GetRequiredService<FlagSnapshots>();
        // As if the dashboard had last been read yesterday: kept for that day, as of no audit entry.
        var yesterday = new FlagSnapshot(TestClock.Today.AddDays(-1), 0, ImmutableDictionary<Guid, ClinicFlag>.Empty);
        snapshots.Keep(clinic.Test.Id, yesterday);

        Assert.True(await sp.GetRequiredService<FlagWarmer>().WarmAllAsync(Token) >= 1);

        var warm = snapshots.Find(clinic.Test.Id)!;
        Assert.Equal(TestClock.Today, warm.Today);
        Assert.NotEmpty(warm.Flags);
        Assert.Null(snapshots.Find(idle.Id));
        var kept = await sp.GetRequiredService<DashboardFlagService>().FlagsAsync(cancellationToken: Token);
        Assert.Same(warm, snapshots.Find(clinic.Test.Id));
        var fresh = await new DashboardFlagService(sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>(), sp.GetRequiredService<ClinicClock>(),
            sp.GetRequiredService<ICurrentUser>(), new FlagSnapshots()).FlagsAsync(cancellationToken: Token);
        Assert.Equal(Describe(fresh), Describe(kept));
    }

    private static async Task<List<Guid>> FlaggedByTheRuleAsync(SessionService sessions, ProgrammeService programmes, Clinic clinic)
    {
        var flagged = new List<Guid>();
        foreach (var id in clinic.Programmes)
        {
            // The dashboard lists ongoing programmes only.
            if ((await sessions.GetAdherenceAsync(id, Token))!.Summary.Flags.Any(f => f.IsDashboardFlag())
                && (await programmes.GetAsync(id, Token))!.Status.IsOngoing())
            {
                flagged.Add(id);
            }
        }
        return flagged;
    }

    private static List<string> Describe(FlagList list) =>
        [.. list.Rows.Select(r => $"{r.ProgrammeId} {r.PatientName} {r.IsMine} {string.Join(",", r.Flags)} {r.ConsecutiveMissed} {r.MostRecentAdverseEvent?.Date} {r.EndDate}")];

    /// <summary>
    /// A clinic whose programmes cover each way to be flagged or not: regular attendance, two misses after a delivered
    /// session, nothing recorded, an adverse event recorded today, a programme past its end date, one not started yet,
    /// and a run of misses broken by a clinic cancellation. Half belong to a colleague.
    /// </summary>
    private async Task<Clinic> ClinicWithVariedProgrammesAsync()
    {
        var test = await app.CreateClinicAsync();
        string myId, colleagueId;
        Guid protocolId;
        await using (var scope = app.ScopeFor(test))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            myId = (await users.FindByEmailAsync(test.TherapistEmail))!.Id;
            var colleague = await DemoData.EnsureUserAsync(users, test.Id, $"colleague-{Guid.NewGuid():N}@test.example", "Colleague Therapist",
                test.Password, Roles.Therapist);
            colleagueId = colleague.Id;
            protocolId = (await scope.ServiceProvider.GetRequiredService<ProtocolService>().CloneTemplateAsync(ProtocolTemplates.ChronicStroke4WeeksKey)).Id;
        }
        var clinic = new Clinic(test, protocolId, myId, colleagueId, []);
        var thisMonday = TestClock.NextMonday.AddDays(-7);
        var threeWeeksAgo = thisMonday.AddDays(-21);

        await AddAsync(clinic, "FLG-01", myId, threeWeeksAgo, (s, id) => RecordAsync(s, id, 1..9, SessionStatus.Completed));
        await AddAsync(clinic, "FLG-02", myId, threeWeeksAgo, async (s, id) =>
        {
            await RecordAsync(s, id, 1..7, SessionStatus.Completed);
            await RecordAsync(s, id, 8..9, SessionStatus.Missed);
        });
        await AddAsync(clinic, "FLG-03", colleagueId, threeWeeksAgo, (s, id) => Task.CompletedTask);
        await AddAsync(clinic, "FLG-04", colleagueId, threeWeeksAgo, async (s, id) =>
        {
            await RecordAsync(s, id, 1..8, SessionStatus.Completed);
            var form = await SessionData.CompletedAsync(s, id, 9);
            form.Date = TestClock.Today;
            form.AdverseEvents.First().Occurred = true;
            form.AdverseEvents.First().Note = "Dizzy after the cool-down.";
            Assert.True((await s.SaveAsync(id, form, Token)).Succeeded);
        });
        await AddAsync(clinic, "FLG-05", myId, thisMonday.AddDays(-8 * 7), (s, id) => RecordAsync(s, id, 1..12, SessionStatus.Completed));
        await AddAsync(clinic, "FLG-06", colleagueId, TestClock.NextMonday, (s, id) => Task.CompletedTask);
        await AddAsync(clinic, "FLG-07", colleagueId, threeWeeksAgo, async (s, id) =>
        {
            await RecordAsync(s, id, 1..6, SessionStatus.Completed);
            await RecordAsync(s, id, 7..7, SessionStatus.CancelledByPatient);
            await RecordAsync(s, id, 8..8, SessionStatus.CancelledByClinic);
            await RecordAsync(s, id, 9..9, SessionStatus.Missed);
        });
        await AddAsync(clinic, "FLG-08", myId, threeWeeksAgo, async (s, id) =>
        {
            await RecordAsync(s, id, 1..8, SessionStatus.Completed);
            await RecordAsync(s, id, 9..9, SessionStatus.Missed);
        });
        return clinic;
    }

    private async Task AddAsync(Clinic clinic, string record, string therapistId, DateOnly start, Func<SessionService, Guid, Task> history)
    {
        await using var scope = app.ScopeFor(clinic.Test);
        var sp = scope.ServiceProvider;
        var patient = await sp.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid(record));
        var assigned = await sp.GetRequiredService<ProgrammeService>().AssignAsync(new AssignInput
        {
            PatientId = patient.Id,
            ProtocolId = clinic.ProtocolId,
            StartDate = start,
            TherapistUserId = therapistId,
            TrainingDays = [.. MonWedFri],
        }, Token);
        Assert.True(assigned.Succeeded, assigned.Message);
        clinic.Programmes.Add(assigned.Id);
        await history(sp.GetRequiredService<SessionService>(), assigned.Id);
    }

    private static async Task RecordAsync(SessionService sessions, Guid programmeId, Range sequences, SessionStatus status)
    {
        for (var sequence = sequences.Start.Value; sequence <= sequences.End.Value; sequence++)
        {
            var result = status == SessionStatus.Missed
                ? await sessions.MarkMissedAsync(programmeId, sequence, Token)
                : await sessions.SaveAsync(programmeId, await WithStatusAsync(sessions, programmeId, sequence, status), Token);
            Assert.True(result.Succeeded, $"session {sequence}: {result.Message} {string.Join("; ", result.Errors?.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? [])}");
        }
    }

    private static async Task<SessionInput> WithStatusAsync(SessionService sessions, Guid programmeId, int sequence, SessionStatus status)
    {
        if (status == SessionStatus.Completed)
        {
            return await SessionData.CompletedAsync(sessions, programmeId, sequence);
        }
        var input = (await sessions.GetFormAsync(programmeId, sequence, cancellationToken: Token))!.Input;
        input.Status = status;
        return input.ForSaving();
    }

    /// <summary>A scope acting as the given therapist of the clinic (the dashboard puts their own programmes first).</summary>
    private AsyncServiceScope ScopeAs(Clinic clinic, string userId)
    {
        var scope = app.ScopeFor(clinic.Test);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(clinic.Test.Id, "Test Therapist", userId: userId).Principal;
        return scope;
    }
}
