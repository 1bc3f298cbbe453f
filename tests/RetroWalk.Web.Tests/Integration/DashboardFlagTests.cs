using Microsoft.AspNetCore.Identity;
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

        var expected = new List<Guid>();
        foreach (var id in clinic.Programmes)
        {
            var summary = (await sessions.GetAdherenceAsync(id, Token))!.Summary;
            if (summary.Flags.Any(f => f.IsDashboardFlag()))
            {
                expected.Add(id);
            }
        }
        var all = await sessions.FlagsAsync(cancellationToken: Token);

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

        var top = await sessions.FlagsAsync(2, Token);
        Assert.Equal(all.Rows.Take(2).Select(r => r.ProgrammeId), top.Rows.Select(r => r.ProgrammeId));
        Assert.True(top.More);
        var exact = await sessions.FlagsAsync(expected.Count, Token);
        Assert.Equal(expected.Count, exact.Rows.Count);
        Assert.False(exact.More);
    }

    [Fact]
    public async Task AColleagueSeesTheirOwnFlaggedProgrammesFirst()
    {
        var clinic = await ClinicWithVariedProgrammesAsync();
        await using var scope = ScopeAs(clinic, clinic.ColleagueId);
        var flags = await scope.ServiceProvider.GetRequiredService<SessionService>().FlagsAsync(cancellationToken: Token);

        var mine = flags.Rows.TakeWhile(r => r.IsMine).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, r => Assert.Equal("Colleague Therapist", r.TherapistName));
        Assert.All(flags.Rows.Skip(mine.Count), r => Assert.False(r.IsMine));
    }

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
