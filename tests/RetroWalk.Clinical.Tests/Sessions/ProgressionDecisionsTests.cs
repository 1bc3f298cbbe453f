using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Scheduling;
using RetroWalk.Clinical.Sessions;

namespace RetroWalk.Clinical.Tests.Sessions;

public class ProgressionDecisionsTests
{
    private static readonly ProtocolDefinition AfterTolerated =
        ProtocolTemplates.ChronicStroke4Weeks with { Progression = new SpeedStepAfterTolerated(0.2m) };

    private static readonly PlannedSession Next = new(5, new DateOnly(2025, 3, 12), 2);

    private static SessionOutcome Tolerated(decimal speed = 1.0m, decimal rpe = 12m, int day = 10) => new()
    {
        Sequence = 4,
        Date = new DateOnly(2025, 3, day),
        Status = SessionStatus.Completed,
        PlannedMainMinutes = 30m,
        MainMinutes = 30m,
        PlannedSpeedKmh = speed,
        SpeedKmh = speed,
        Rpe = rpe,
        PainBefore = 2m,
        PainAfter = 2m,
    };

    [Fact]
    public void FirstSessionStartsAtTheStartSpeed()
    {
        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, Next, []);

        Assert.Equal(ProgressionAction.Start, suggestion.Action);
        Assert.Equal(1.0m, suggestion.Prescription.SpeedKmh);
    }

    [Fact]
    public void SpeedRisesAfterASessionAtTheTargetUpperBound()
    {
        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, Next, [Tolerated(rpe: 13m)]);

        Assert.Equal(ProgressionAction.Increase, suggestion.Action);
        Assert.Equal(1.2m, suggestion.Prescription.SpeedKmh);
        Assert.Equal(
            "Increase to 1.2 km/h: last session completed at RPE 13 (target up to 13) with no adverse event.",
            Assert.Single(suggestion.Reasons));
    }

    [Fact]
    public void SpeedHoldsWhenRpeIsOneAboveTheTarget()
    {
        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, Next, [Tolerated(rpe: 14m)]);

        Assert.Equal(ProgressionAction.Hold, suggestion.Action);
        Assert.Equal(1.0m, suggestion.Prescription.SpeedKmh);
        Assert.Contains("Hold: RPE 14 in the last session was above the target upper bound of 13.", suggestion.Reasons);
    }

    [Fact]
    public void SpeedHoldsAfterNearFall()
    {
        var last = Tolerated(speed: 1.2m) with { AdverseEvents = [new(AdverseEventType.NearFall)] };

        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, Next, [last]);

        Assert.Equal(ProgressionAction.Hold, suggestion.Action);
        Assert.Equal(1.2m, suggestion.Prescription.SpeedKmh);
        Assert.Equal("Hold: near-fall in the last session.", suggestion.Reasons[0]);
    }

    [Fact]
    public void SpeedHoldsAfterAPartialSession()
    {
        var last = Tolerated() with { Status = SessionStatus.Partial, MainMinutes = 18m };

        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, Next, [last]);

        Assert.Equal(ProgressionAction.Hold, suggestion.Action);
        Assert.Contains("Hold: the last session was only partly completed.", suggestion.Reasons);
    }

    [Fact]
    public void SpeedHoldsAfterAMissedSessionAtTheLastDeliveredSpeed()
    {
        var missed = new SessionOutcome { Sequence = 5, Date = new DateOnly(2025, 3, 12), Status = SessionStatus.Missed };
        var next = new PlannedSession(6, new DateOnly(2025, 3, 14), 2);

        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, next, [Tolerated(speed: 1.4m), missed]);

        Assert.Equal(ProgressionAction.Hold, suggestion.Action);
        Assert.Equal(1.4m, suggestion.Prescription.SpeedKmh);
        Assert.Equal("Hold: the last session was missed.", suggestion.Reasons[0]);
    }

    [Fact]
    public void ClinicCancellationIsIgnoredForProgression()
    {
        var cancelled = new SessionOutcome { Sequence = 5, Date = new DateOnly(2025, 3, 12), Status = SessionStatus.CancelledByClinic };

        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, Next, [Tolerated(), cancelled]);

        Assert.Equal(ProgressionAction.Increase, suggestion.Action);
    }

    [Fact]
    public void SpeedHoldsWithoutARecordedRpe()
    {
        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, Next, [Tolerated() with { Rpe = null }]);

        Assert.Equal(ProgressionAction.Hold, suggestion.Action);
        Assert.Contains("no RPE", suggestion.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SpeedHoldsWhenPainRose()
    {
        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, Next, [Tolerated() with { PainAfter = 4m }]);

        Assert.Equal(ProgressionAction.Hold, suggestion.Action);
        Assert.Contains("Hold: pain rose from 2 to 4 during the last session.", suggestion.Reasons);
    }

    [Fact]
    public void SpeedIncreaseIsCappedAtTheMaximum()
    {
        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, Next, [Tolerated(speed: 1.9m)]);

        Assert.Equal(ProgressionAction.Increase, suggestion.Action);
        Assert.Equal(2.0m, suggestion.Prescription.SpeedKmh);
        Assert.Contains("Capped at the maximum speed of 2.0 km/h.", suggestion.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SpeedAtTheMaximumStaysThere()
    {
        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, Next, [Tolerated(speed: 2.0m)]);

        Assert.Equal(ProgressionAction.AtMaximum, suggestion.Action);
        Assert.Equal(2.0m, suggestion.Prescription.SpeedKmh);
        Assert.StartsWith("At maximum speed", suggestion.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void LatestSessionIsTheLastOneByDate()
    {
        var older = Tolerated(day: 7) with { Sequence = 3, AdverseEvents = [new(AdverseEventType.Fall)] };

        var suggestion = ProgressionDecisions.SuggestNext(AfterTolerated, Next, [Tolerated(day: 10), older]);

        Assert.Equal(ProgressionAction.Increase, suggestion.Action);
    }

    [Fact]
    public void PerWeekSpeedFollowsThePlanOfTheNextSessionsWeek()
    {
        var protocol = ProtocolTemplates.ChronicStroke4Weeks;
        var next = new PlannedSession(7, new DateOnly(2025, 3, 17), 3);

        var suggestion = ProgressionDecisions.SuggestNext(protocol, next, [Tolerated(speed: 1.2m)]);

        Assert.Equal(ProgressionAction.Planned, suggestion.Action);
        Assert.Equal(1.4m, suggestion.Prescription.SpeedKmh);
        Assert.Equal("Planned speed for week 3: 1.4 km/h.", Assert.Single(suggestion.Reasons));
    }

    [Fact]
    public void PerWeekSpeedHoldsAfterAnAdverseEvent()
    {
        var protocol = ProtocolTemplates.ChronicStroke4Weeks;
        var next = new PlannedSession(7, new DateOnly(2025, 3, 17), 3);
        var last = Tolerated(speed: 1.2m) with { AdverseEvents = [new(AdverseEventType.Dizziness)] };

        var suggestion = ProgressionDecisions.SuggestNext(protocol, next, [last]);

        Assert.Equal(ProgressionAction.Hold, suggestion.Action);
        Assert.Equal(1.2m, suggestion.Prescription.SpeedKmh);
        Assert.Equal(["Hold: dizziness in the last session.", "Keep the speed at 1.2 km/h instead of the week 3 plan of 1.4 km/h."], suggestion.Reasons);
    }

    [Fact]
    public void PerWeekSpeedAtTheMaximumSaysSo()
    {
        var protocol = ProtocolTemplates.ChronicStroke4Weeks with { Course = new CoursePlan { SessionsPerWeek = 3, Weeks = 8 } };
        var next = new PlannedSession(19, new DateOnly(2025, 4, 14), 7);

        var suggestion = ProgressionDecisions.SuggestNext(protocol, next, [Tolerated(speed: 2.0m)]);

        Assert.Equal(ProgressionAction.AtMaximum, suggestion.Action);
        Assert.Equal(2.0m, suggestion.Prescription.SpeedKmh);
    }

    [Fact]
    public void SessionRampAddsTheStepWhenPainDidNotIncrease()
    {
        var protocol = ProtocolTemplates.KneeOsteoarthritisRamp with { Progression = new DurationRamp(10m, 30m, 5m, RampInterval.Session) };
        var last = Tolerated() with { MainMinutes = 10m, Rpe = null };

        var suggestion = ProgressionDecisions.SuggestNext(protocol, Next, [last]);

        Assert.Equal(ProgressionAction.Increase, suggestion.Action);
        Assert.Equal(15m, suggestion.Prescription.MainMinutes);
    }

    [Fact]
    public void SessionRampHoldsWhenPainIncreased()
    {
        var protocol = ProtocolTemplates.KneeOsteoarthritisRamp with { Progression = new DurationRamp(10m, 30m, 5m, RampInterval.Session) };
        var last = Tolerated() with { MainMinutes = 20m, AdverseEvents = [new(AdverseEventType.PainIncrease)], PainAfter = 5m };

        var suggestion = ProgressionDecisions.SuggestNext(protocol, Next, [last]);

        Assert.Equal(ProgressionAction.Hold, suggestion.Action);
        Assert.Equal(20m, suggestion.Prescription.MainMinutes);
        Assert.Equal(["Hold: pain increase in the last session.", "Keep the walking time at 20 min."], suggestion.Reasons);
    }

    [Fact]
    public void SessionRampStopsAtTheTarget()
    {
        var protocol = ProtocolTemplates.KneeOsteoarthritisRamp with { Progression = new DurationRamp(10m, 30m, 5m, RampInterval.Session) };

        var nearly = ProgressionDecisions.SuggestNext(protocol, Next, [Tolerated() with { MainMinutes = 28m }]);
        var there = ProgressionDecisions.SuggestNext(protocol, Next, [Tolerated() with { MainMinutes = 30m }]);

        Assert.Equal(30m, nearly.Prescription.MainMinutes);
        Assert.Equal(ProgressionAction.Increase, nearly.Action);
        Assert.Equal(30m, there.Prescription.MainMinutes);
        Assert.Equal(ProgressionAction.AtMaximum, there.Action);
    }

    [Fact]
    public void WeeklyRampHoldsAtLastMinutesWhenPainRose()
    {
        var protocol = ProtocolTemplates.KneeOsteoarthritisRamp;
        var last = Tolerated() with { MainMinutes = 10m, PainAfter = 3m };

        var suggestion = ProgressionDecisions.SuggestNext(protocol, Next, [last]);

        Assert.Equal(ProgressionAction.Hold, suggestion.Action);
        Assert.Equal(10m, suggestion.Prescription.MainMinutes);
        Assert.Contains("Keep the walking time at 10 min instead of the week 2 plan of 15 min.", suggestion.Reasons);
    }

    [Fact]
    public void InclineFollowsTheWeeklyPlan()
    {
        var suggestion = ProgressionDecisions.SuggestNext(ProtocolTemplates.AclReconstructionIncline, Next, [Tolerated() with { Incline = 0m }]);

        Assert.Equal(5m, suggestion.Prescription.Incline);
        Assert.Equal("Planned incline for week 2: 5.0°.", Assert.Single(suggestion.Reasons));
    }

    [Fact]
    public void NoRuleGivesThePlannedDose()
    {
        var suggestion = ProgressionDecisions.SuggestNext(ProtocolTemplates.KneeOsteoarthritis6Weeks, Next, [Tolerated()]);

        Assert.Equal(ProgressionAction.Planned, suggestion.Action);
        Assert.Equal(Prescriptions.For(ProtocolTemplates.KneeOsteoarthritis6Weeks, Next), suggestion.Prescription);
    }
}
