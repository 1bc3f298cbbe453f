using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Outcomes;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>
/// The dashboard on a seeded cohort whose answers were worked out by hand: six chronic-stroke patients on the stroke
/// protocol (TUG 20 s at baseline; changes −4, −3, −2, −5, −1, −3 s) and six knee-osteoarthritis patients on the knee
/// protocol (TUG 12 s; changes −1, −2, +0.5, −0.5, −1.5, −1 s). t(0.975, 5) = 2.570582.
/// </summary>
public sealed class OutcomeDashboardTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly decimal[] StrokeEnds = [16, 17, 18, 15, 19, 17];
    private static readonly decimal[] KneeEnds = [11, 10, 12.5m, 11.5m, 10.5m, 11];

    private static DateOnly Today => TestClock.Today;

    private static OutcomeQuery Period => new(Today.AddDays(-60), Today);

    [Fact]
    public async Task MeansIntervalsAndSharesEqualTheHandComputedOnes()
    {
        var clinic = await SeedCohortAsync();
        await using var scope = app.ScopeFor(clinic);
        var dashboard = await scope.ServiceProvider.GetRequiredService<OutcomeService>().DashboardAsync(Period, OutcomeGrouping.Protocol, Token);

        Assert.Equal(2, dashboard.Groups.Count);
        var stroke = dashboard.Groups.Single(g => g.Members[0].Condition == Condition.ChronicStroke);
        var knee = dashboard.Groups.Single(g => g != stroke);
        Assert.Equal((6, 0, 1), (stroke.Summary.Started, stroke.Summary.Completed, stroke.Summary.Discontinued));
        Assert.Equal(1, stroke.Summary.DiscontinuationReasons["Moved away"]);
        Assert.Equal((6, 2, 0), (knee.Summary.Started, knee.Summary.Completed, knee.Summary.Discontinued));

        var strokeTug = stroke.Summary.Measures.Single(m => m.MeasureCode == MeasureCodes.TimedUpAndGo);
        Assert.Equal(6, strokeTug.N);
        Assert.Equal(-3, strokeTug.MeanChange!.Mean, 6);
        Assert.Equal(-4.484126, strokeTug.MeanChange.Lower!.Value, 5);
        Assert.Equal(-1.515874, strokeTug.MeanChange.Upper!.Value, 5);
        // MDC 3.2 s applies in chronic stroke: the improvements of 4 and 5 s exceed it. No TUG MCID applies.
        Assert.Equal(new RetroWalk.Clinical.Statistics.Proportion(2, 6), strokeTug.BeyondMdc);
        Assert.Equal(0, strokeTug.WithoutMdc);
        Assert.Equal(new RetroWalk.Clinical.Statistics.Proportion(0, 0), strokeTug.BeyondMcid);
        Assert.Equal(6, strokeTug.WithoutMcid);

        var kneeTug = knee.Summary.Measures.Single(m => m.MeasureCode == MeasureCodes.TimedUpAndGo);
        Assert.Equal(-0.916667, kneeTug.MeanChange!.Mean, 5);
        Assert.Equal(-1.820441, kneeTug.MeanChange.Lower!.Value, 5);
        Assert.Equal(-0.012892, kneeTug.MeanChange.Upper!.Value, 5);
        // No TUG threshold is published for knee osteoarthritis: nobody is in the denominators.
        Assert.Equal((0, 0, 6, 6), (kneeTug.BeyondMdc.Denominator, kneeTug.BeyondMcid.Denominator, kneeTug.WithoutMdc, kneeTug.WithoutMcid));

        var clinicTug = dashboard.Clinic.Summary.Measures.Single(m => m.MeasureCode == MeasureCodes.TimedUpAndGo);
        Assert.Equal(12, clinicTug.N);
        Assert.Equal(-23.5 / 12, clinicTug.MeanChange!.Mean, 6);
        Assert.Equal(new RetroWalk.Clinical.Statistics.Proportion(2, 6), clinicTug.BeyondMdc);
    }

    [Fact]
    public async Task AnotherClinicsProgrammesAreNeverCounted()
    {
        var clinic = await SeedCohortAsync();
        // The other clinic: a chronic-stroke patient on the same dates with a large change.
        var other = await app.CreateClinicAsync();
        await SeedGroupAsync(other, ProtocolTemplates.ChronicStroke4WeeksKey, Condition.ChronicStroke, 30, [15m]);

        await using var scope = app.ScopeFor(clinic);
        var dashboard = await scope.ServiceProvider.GetRequiredService<OutcomeService>().DashboardAsync(Period, OutcomeGrouping.Condition, Token);

        Assert.Equal(12, dashboard.Clinic.Summary.Started);
        Assert.Equal(["Chronic stroke", "Knee osteoarthritis"], dashboard.Groups.Select(g => g.Name));
        var stroke = dashboard.Groups[0].Summary.Measures.Single(m => m.MeasureCode == MeasureCodes.TimedUpAndGo);
        Assert.Equal((6, -3.0), (stroke.N, stroke.MeanChange!.Mean));
        Assert.DoesNotContain(dashboard.Clinic.Members, m => m.Changes.Any(c => c.Change < -10));

        await using var otherScope = app.ScopeFor(other);
        var theirs = await otherScope.ServiceProvider.GetRequiredService<OutcomeService>().DashboardAsync(Period, OutcomeGrouping.Condition, Token);
        Assert.Equal(1, theirs.Clinic.Summary.Started);
        Assert.True(theirs.Clinic.Summary.TooSmallToSummarise);
    }

    [Fact]
    public async Task DoseResponseFitsEachPatientsChangeAgainstTheDose()
    {
        var clinic = await SeedCohortAsync();
        await using var scope = app.ScopeFor(clinic);
        var members = await scope.ServiceProvider.GetRequiredService<CohortLoader>().LoadAsync(Period, Token);

        var dose = OutcomeService.DoseResponseOf(members, MeasureCodes.TimedUpAndGo, null, DoseAxis.Sessions);

        Assert.Equal(12, dose.Points.Count);
        // No session was recorded: every dose is 0, so no line can be fitted.
        Assert.All(dose.Points, p => Assert.Equal((0, 0), (p.Minutes, p.Sessions)));
        Assert.Null(dose.Fit);
    }

    [Fact]
    public async Task RecordedSessionsGiveTheDoseAdherenceAndAdverseEventRate()
    {
        var clinic = await app.CreateClinicAsync();
        var programmeId = (await SeedGroupAsync(clinic, ProtocolTemplates.ChronicStroke4WeeksKey, Condition.ChronicStroke, 20, [16m]))[0];
        await using var scope = app.ScopeFor(clinic);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        // Sessions 1 and 2 completed at the prescribed 30 minutes, a near-fall in session 2; session 3 missed; the other nine not recorded.
        foreach (var sequence in new[] { 1, 2 })
        {
            var input = (await sessions.GetFormAsync(programmeId, sequence, cancellationToken: Token))!.Input;
            (input.RestingHeartRate, input.RestingSystolic, input.RestingDiastolic, input.PainBefore, input.Rpe) = (72, 130, 80, 1, 12);
            (input.PeakHeartRate, input.SystolicAfter, input.DiastolicAfter, input.PainAfter) = (110, 150, 85, 1);
            if (sequence == 2)
            {
                input.AdverseEvents.Single(e => e.Type == AdverseEventType.NearFall).Occurred = true;
            }
            var saved = await sessions.SaveAsync(programmeId, input, Token);
            Assert.True(saved.Succeeded, saved.Message);
        }
        var third = (await sessions.GetFormAsync(programmeId, 3, cancellationToken: Token))!.Input;
        Assert.True((await sessions.SaveAsync(programmeId, new SessionInput { Sequence = 3, Date = third.Date, Status = SessionStatus.Missed }, Token)).Succeeded);

        var member = Assert.Single(await scope.ServiceProvider.GetRequiredService<CohortLoader>().LoadAsync(Period, Token));

        Assert.Equal((2, 60, 360), (member.Patient.SessionsAttended, member.Patient.MinutesDelivered, member.Patient.MinutesPrescribed));
        // All 12 sessions are past: 2 delivered of 12 due.
        Assert.Equal(0.167, member.Patient.Adherence!.Value, 3);
        var summary = RetroWalk.Clinical.Outcomes.CohortSummary.Of([member.Patient]);
        Assert.Equal(50, summary.AdverseEventsPer100Sessions["Near-fall"], 6);
        Assert.True(summary.TooSmallToSummarise);
    }

    [Fact]
    public async Task ThePeriodAndTheTherapistFilterTheProgrammes()
    {
        var clinic = await SeedCohortAsync();
        await using var scope = app.ScopeFor(clinic);
        var outcomes = scope.ServiceProvider.GetRequiredService<OutcomeService>();

        var before = await outcomes.DashboardAsync(new OutcomeQuery(Today.AddDays(-100), Today.AddDays(-36)), OutcomeGrouping.Protocol, Token);
        var otherTherapist = await outcomes.DashboardAsync(Period with { TherapistUserId = "someone-else" }, OutcomeGrouping.Protocol, Token);
        var therapist = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(clinic.TherapistEmail);
        var theirs = await outcomes.DashboardAsync(Period with { TherapistUserId = therapist!.Id }, OutcomeGrouping.Protocol, Token);

        Assert.Empty(before.Clinic.Members);
        Assert.Empty(otherTherapist.Clinic.Members);
        Assert.Equal(12, theirs.Clinic.Members.Count);
    }

    /// <summary>A clinic with the two groups of six.</summary>
    private async Task<TestClinic> SeedCohortAsync()
    {
        var clinic = await app.CreateClinicAsync();
        var stroke = await SeedGroupAsync(clinic, ProtocolTemplates.ChronicStroke4WeeksKey, Condition.ChronicStroke, 20, StrokeEnds);
        var knee = await SeedGroupAsync(clinic, ProtocolTemplates.KneeOsteoarthritisRampKey, Condition.KneeOsteoarthritis, 12, KneeEnds);
        await using var scope = app.ScopeFor(clinic);
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        await EndAsync(programmes, stroke[0], "Moved away");
        await EndAsync(programmes, knee[0], null);
        await EndAsync(programmes, knee[1], null);
        return clinic;
    }

    private static async Task EndAsync(ProgrammeService programmes, Guid id, string? discontinuedFor)
    {
        var version = (await programmes.GetAsync(id, Token))!.Version;
        var ended = discontinuedFor is null ? await programmes.CompleteAsync(id, version, Token) : await programmes.DiscontinueAsync(id, version, discontinuedFor, Token);
        Assert.True(ended.Succeeded, ended.Message);
    }

    /// <summary>Patients on one cloned template from five weeks ago, TUG <paramref name="baseline"/> s before and the given values at the end.</summary>
    private async Task<List<Guid>> SeedGroupAsync(TestClinic clinic, string template, Condition condition, decimal baseline, decimal[] ends)
    {
        await using var scope = app.ScopeFor(clinic);
        var sp = scope.ServiceProvider;
        var protocol = await sp.GetRequiredService<ProtocolService>().CloneTemplateAsync(template, Token);
        var therapist = await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(clinic.TherapistEmail);
        var start = Today.AddDays(-35);
        var ids = new List<Guid>();
        foreach (var (end, index) in ends.Select((e, i) => (e, i)))
        {
            var input = PatientData.Valid($"OUT-{template[..4]}-{index}");
            input.PrimaryCondition = condition;
            var patient = await sp.GetRequiredService<PatientService>().CreateAsync(input, Token);
            var assigned = await sp.GetRequiredService<ProgrammeService>().AssignAsync(
                new AssignInput { PatientId = patient.Id, ProtocolId = protocol.Id, StartDate = start, TherapistUserId = therapist!.Id }, Token);
            Assert.True(assigned.Succeeded, assigned.Message);
            ids.Add(assigned.Id);
            var assessments = sp.GetRequiredService<AssessmentService>();
            Assert.True((await assessments.CreateAsync(patient.Id, AssessmentData.Assessment(start.AddDays(-2), AssessmentTimePoint.Baseline, AssessmentData.Tug(baseline)), Token)).Succeeded);
            Assert.True((await assessments.CreateAsync(patient.Id, AssessmentData.Assessment(Today.AddDays(-1), AssessmentTimePoint.EndOfProgramme, AssessmentData.Tug(end)), Token)).Succeeded);
        }
        return ids;
    }
}
