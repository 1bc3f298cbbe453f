using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Scheduling;

namespace RetroWalk.Clinical.Tests.Protocols;

public class PrescriptionsTests
{
    private static readonly ProtocolDefinition ChronicStroke = ProtocolTemplates.ChronicStroke4Weeks;

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 1.2)]
    [InlineData(3, 1.4)]
    [InlineData(4, 1.6)]
    public void SpeedRisesPerWeekFromTheStart(int week, double expected) =>
        Assert.Equal((decimal)expected, Prescriptions.For(ChronicStroke, 1, week).SpeedKmh);

    [Fact]
    public void SpeedPerWeekStopsAtTheMaximum()
    {
        var protocol = ChronicStroke with { Course = ChronicStroke.Course with { Weeks = 12 } };

        Assert.Equal(2.0m, Prescriptions.For(protocol, 18, 6).SpeedKmh);
        Assert.Equal(2.0m, Prescriptions.For(protocol, 36, 12).SpeedKmh);
    }

    [Fact]
    public void SpeedStepsOnlyBetweenWeeksNotSessions()
    {
        Assert.Equal(Prescriptions.For(ChronicStroke, 4, 2), Prescriptions.For(ChronicStroke, 6, 2));
    }

    [Fact]
    public void AfterToleratedPlansTheStartSpeed()
    {
        var protocol = ChronicStroke with { Progression = new SpeedStepAfterTolerated(0.1m) };
        Assert.Equal(1.0m, Prescriptions.For(protocol, 12, 4).SpeedKmh);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 15)]
    [InlineData(5, 30)]
    [InlineData(6, 30)]
    public void WeeklyRampAddsFiveMinutesUpTo30(int week, double minutes) =>
        Assert.Equal((decimal)minutes, Prescriptions.For(ProtocolTemplates.KneeOsteoarthritisRamp, 1, week).MainMinutes);

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 12)]
    [InlineData(11, 30)]
    [InlineData(18, 30)]
    public void SessionRampAddsPerSession(int session, double minutes)
    {
        var protocol = ProtocolTemplates.KneeOsteoarthritisRamp with { Progression = new DurationRamp(10m, 30m, 2m, RampInterval.Session) };
        Assert.Equal((decimal)minutes, Prescriptions.For(protocol, session, 1).MainMinutes);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 5)]
    [InlineData(4, 15)]
    [InlineData(5, 15)]
    public void InclineRisesPerWeekUpToTheMaximum(int week, double degrees) =>
        Assert.Equal((decimal)degrees, Prescriptions.For(ProtocolTemplates.AclReconstructionIncline, 1, week).Incline);

    [Fact]
    public void NoProgressionKeepsTheSameDose()
    {
        var first = Prescriptions.For(ProtocolTemplates.KneeOsteoarthritis6Weeks, 1, 1);
        var last = Prescriptions.For(ProtocolTemplates.KneeOsteoarthritis6Weeks, 18, 6);

        Assert.Equal(first, last);
        Assert.Equal(new SessionPrescription(1.0m, 0m, InclineUnit.Degrees, 5m, 10m, 5m), first);
    }

    [Fact]
    public void MakeUpSessionTakesTheDoseOfTheSessionItReplaces()
    {
        var makeUp = new PlannedSession(13, new DateOnly(2025, 2, 1), 2) { DoseSequence = 5, IsMakeUp = true, ReplacesSequence = 5 };
        Assert.Equal(1.2m, Prescriptions.For(ChronicStroke, makeUp).SpeedKmh);
    }

    [Fact]
    public void WholeScheduleGetsItsDoses()
    {
        var schedule = Schedules.Assign(ChronicStroke, new DateOnly(2025, 3, 3)).Sessions;
        var doses = Prescriptions.ForSchedule(ChronicStroke, schedule);

        Assert.Equal([1.0m, 1.0m, 1.0m, 1.2m, 1.2m, 1.2m, 1.4m, 1.4m, 1.4m, 1.6m, 1.6m, 1.6m], doses.Select(d => d.Prescription.SpeedKmh));
    }
}
