using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Scheduling;
using RetroWalk.Clinical.Sessions;

namespace RetroWalk.Clinical.Tests.Sessions;

public class AdherenceTests
{
    private static readonly ProtocolDefinition Protocol = ProtocolTemplates.ChronicStroke4Weeks;

    // Mon/Wed/Fri from Monday 3 March 2025: 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28 March.
    private static readonly IReadOnlyList<PlannedSession> Schedule = Schedules.Assign(Protocol, D(3, 3)).Sessions;

    private static readonly DateOnly Monday17 = D(3, 17);

    private static DateOnly D(int month, int day) => new(2025, month, day);

    private static SessionOutcome Record(int sequence, SessionStatus status = SessionStatus.Completed, decimal? minutes = 30m) => new()
    {
        Sequence = sequence,
        Date = Schedule.Single(s => s.Sequence == sequence).Date,
        Status = status,
        PlannedMainMinutes = 30m,
        MainMinutes = status is SessionStatus.Completed or SessionStatus.Partial ? minutes : null,
    };

    private static List<SessionOutcome> FirstSix(params (int Sequence, SessionStatus Status)[] changes)
    {
        var records = Enumerable.Range(1, 6).Select(i => Record(i)).ToList();
        foreach (var (sequence, status) in changes)
        {
            records[sequence - 1] = Record(sequence, status, minutes: status == SessionStatus.Partial ? 15m : 30m);
        }
        return records;
    }

    [Fact]
    public void AllSessionsCompletedIsFullAdherence()
    {
        var summary = Adherence.Compute(Protocol, Schedule, FirstSix(), Monday17);

        Assert.Equal(6, summary.PlannedToDate);
        Assert.Equal(6, summary.Delivered);
        Assert.Equal(100m, summary.AdherencePercent);
        Assert.Equal(180m, summary.PrescribedMainMinutes);
        Assert.Equal(180m, summary.DeliveredMainMinutes);
        Assert.Equal(100m, summary.DosePercent);
        Assert.Equal(0, summary.ConsecutiveMissed);
        Assert.Empty(summary.Flags);
    }

    [Fact]
    public void ExtraSessionsAddToTheDoseDeliveredButNotToAdherence()
    {
        var records = FirstSix();
        records.Add(new SessionOutcome { Date = D(3, 8), Status = SessionStatus.Completed, MainMinutes = 10m });
        records.Add(new SessionOutcome { Date = D(3, 15), Status = SessionStatus.Completed, MainMinutes = 12m });

        var summary = Adherence.Compute(Protocol, Schedule, records, Monday17);

        Assert.Equal(6, summary.PlannedToDate);
        Assert.Equal(6, summary.Delivered);
        Assert.Equal(2, summary.Extra);
        Assert.Equal(100m, summary.AdherencePercent);
        Assert.Equal(180m, summary.PrescribedMainMinutes);
        Assert.Equal(202m, summary.DeliveredMainMinutes);
        Assert.Equal(112.2m, summary.DosePercent);
    }

    [Fact]
    public void AnExtraSessionWithoutMinutesAddsNoMinutes()
    {
        var records = FirstSix();
        records.Add(new SessionOutcome { Date = D(3, 8), Status = SessionStatus.Completed });

        var summary = Adherence.Compute(Protocol, Schedule, records, Monday17);

        Assert.Equal(180m, summary.DeliveredMainMinutes);
        Assert.Equal(1, summary.Extra);
    }

    [Fact]
    public void AnExtraSessionEndsARunOfMisses()
    {
        var records = FirstSix((5, SessionStatus.Missed), (6, SessionStatus.Missed));
        Assert.Equal(2, Adherence.Compute(Protocol, Schedule, records, Monday17).ConsecutiveMissed);

        records.Add(new SessionOutcome { Date = D(3, 15), Status = SessionStatus.Completed, MainMinutes = 20m });
        var summary = Adherence.Compute(Protocol, Schedule, records, Monday17);

        Assert.Equal(0, summary.ConsecutiveMissed);
        Assert.Equal(4, summary.Delivered);
    }

    [Fact]
    public void SessionCancelledByTheClinicDoesNotCountAgainstThePatient()
    {
        var summary = Adherence.Compute(Protocol, Schedule, FirstSix((3, SessionStatus.CancelledByClinic)), Monday17);

        Assert.Equal(5, summary.PlannedToDate);
        Assert.Equal(5, summary.Delivered);
        Assert.Equal(100m, summary.AdherencePercent);
        Assert.Equal(150m, summary.PrescribedMainMinutes);
        Assert.Equal(1, summary.CancelledByClinic);
        Assert.Equal(0, summary.Missed);
    }

    [Fact]
    public void ClinicCancellationRemovedFromTheScheduleStillDoesNotCount()
    {
        var schedule = Schedules.Cancel(Schedule, 3).Sessions;

        var summary = Adherence.Compute(Protocol, schedule, FirstSix((3, SessionStatus.CancelledByClinic)), Monday17);

        Assert.Equal(5, summary.PlannedToDate);
        Assert.Equal(100m, summary.AdherencePercent);
    }

    [Fact]
    public void SessionCancelledByThePatientCountsAsMissed()
    {
        var summary = Adherence.Compute(Protocol, Schedule, FirstSix((3, SessionStatus.CancelledByPatient)), Monday17);

        Assert.Equal(6, summary.PlannedToDate);
        Assert.Equal(5, summary.Delivered);
        Assert.Equal(1, summary.Missed);
        Assert.Equal(83.3m, summary.AdherencePercent);
    }

    [Fact]
    public void PartialSessionCountsAsDeliveredButIsFlagged()
    {
        var summary = Adherence.Compute(Protocol, Schedule, FirstSix((4, SessionStatus.Partial)), Monday17);

        Assert.Equal(6, summary.Delivered);
        Assert.Equal(1, summary.Partial);
        Assert.Equal(5, summary.Completed);
        Assert.Equal(100m, summary.AdherencePercent);
        Assert.Equal(165m, summary.DeliveredMainMinutes);
        Assert.Equal(91.7m, summary.DosePercent);
        Assert.Contains(AdherenceFlag.PartialSessions, summary.Flags);
    }

    [Fact]
    public void TwoConsecutiveMissedSessionsAreFlagged()
    {
        var summary = Adherence.Compute(Protocol, Schedule, FirstSix((5, SessionStatus.Missed), (6, SessionStatus.CancelledByPatient)), Monday17);

        Assert.Equal(2, summary.ConsecutiveMissed);
        Assert.Contains(AdherenceFlag.ConsecutiveMissedSessions, summary.Flags);
    }

    [Fact]
    public void OneMissedSessionIsNotFlagged()
    {
        var summary = Adherence.Compute(Protocol, Schedule, FirstSix((6, SessionStatus.Missed)), Monday17);

        Assert.Equal(1, summary.ConsecutiveMissed);
        Assert.DoesNotContain(AdherenceFlag.ConsecutiveMissedSessions, summary.Flags);
    }

    [Fact]
    public void ClinicCancellationNeitherBreaksNorExtendsAMissedStreak()
    {
        var between = FirstSix((4, SessionStatus.Missed), (5, SessionStatus.CancelledByClinic), (6, SessionStatus.Missed));
        var atTheEnd = FirstSix((5, SessionStatus.Missed), (6, SessionStatus.CancelledByClinic));

        Assert.Equal(2, Adherence.Compute(Protocol, Schedule, between, Monday17).ConsecutiveMissed);
        Assert.Equal(1, Adherence.Compute(Protocol, Schedule, atTheEnd, Monday17).ConsecutiveMissed);
    }

    [Fact]
    public void CompletedSessionEndsTheMissedStreak()
    {
        var summary = Adherence.Compute(Protocol, Schedule, FirstSix((4, SessionStatus.Missed), (5, SessionStatus.Missed)), Monday17);

        Assert.Equal(0, summary.ConsecutiveMissed);
        Assert.Equal(2, summary.Missed);
    }

    [Fact]
    public void PastSessionWithoutARecordCountsAsMissedAndIsFlagged()
    {
        var records = FirstSix().Take(5).ToList();

        var summary = Adherence.Compute(Protocol, Schedule, records, Monday17);

        Assert.Equal(6, summary.PlannedToDate);
        Assert.Equal(1, summary.Unrecorded);
        Assert.Equal(1, summary.Missed);
        Assert.Equal(1, summary.ConsecutiveMissed);
        Assert.Contains(AdherenceFlag.UnrecordedSessions, summary.Flags);
    }

    [Fact]
    public void TodaysSessionCountsOnlyOnceRecorded()
    {
        var without = Adherence.Compute(Protocol, Schedule, FirstSix(), Monday17);
        var with = Adherence.Compute(Protocol, Schedule, [.. FirstSix(), Record(7)], Monday17);

        Assert.Equal(6, without.PlannedToDate);
        Assert.Equal(7, with.PlannedToDate);
        Assert.Equal(7, with.Delivered);
    }

    [Fact]
    public void DeliveredMakeUpReplacesTheMissedSession()
    {
        var schedule = Schedules.AddMakeUp(Schedule, D(3, 15), replacesSequence: 5).Sessions;
        var records = FirstSix((5, SessionStatus.Missed));
        records.Add(new SessionOutcome { Sequence = 13, Date = D(3, 15), Status = SessionStatus.Completed, MainMinutes = 30m });

        var summary = Adherence.Compute(Protocol, schedule, records, Monday17);

        Assert.Equal(6, summary.PlannedToDate);
        Assert.Equal(6, summary.Delivered);
        Assert.Equal(0, summary.Missed);
        Assert.Equal(100m, summary.AdherencePercent);
    }

    [Fact]
    public void MissedMakeUpLeavesTheOriginalMissCounted()
    {
        var schedule = Schedules.AddMakeUp(Schedule, D(3, 15), replacesSequence: 5).Sessions;
        var records = FirstSix((5, SessionStatus.Missed));
        records.Add(new SessionOutcome { Sequence = 13, Date = D(3, 15), Status = SessionStatus.Missed });

        var summary = Adherence.Compute(Protocol, schedule, records, Monday17);

        Assert.Equal(7, summary.PlannedToDate);
        Assert.Equal(2, summary.Missed);
    }

    [Fact]
    public void AdverseEventsAreCountedWithTheMostRecent()
    {
        var records = FirstSix();
        records[1] = records[1] with { AdverseEvents = [new(AdverseEventType.Dizziness)] };
        records[3] = records[3] with { AdverseEvents = [new(AdverseEventType.PainIncrease), new(AdverseEventType.NearFall, "caught by therapist")] };

        var summary = Adherence.Compute(Protocol, Schedule, records, Monday17);

        Assert.Equal(3, summary.AdverseEventCount);
        Assert.Equal(new RecordedAdverseEvent(D(3, 10), 4, new AdverseEvent(AdverseEventType.NearFall, "caught by therapist")), summary.MostRecentAdverseEvent);
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(10, false)]
    public void AdverseEventInTheLastSevenDaysIsFlagged(int day, bool flagged)
    {
        // Today is Monday 17 March: the window is 11–17 March.
        var records = new List<SessionOutcome>
        {
            new() { Date = D(3, day), Status = SessionStatus.Completed, MainMinutes = 30m, AdverseEvents = [new(AdverseEventType.Fall)] },
        };

        var summary = Adherence.Compute(Protocol, Schedule, records, Monday17);

        Assert.Equal(flagged, summary.Flags.Contains(AdherenceFlag.RecentAdverseEvent));
    }

    [Theory]
    [InlineData(28, true, false)]
    [InlineData(29, true, true)]
    [InlineData(29, false, false)]
    public void ActiveProgrammePastItsEndDateIsFlagged(int today, bool active, bool flagged)
    {
        var records = Schedule.Select(s => Record(s.Sequence)).ToList();

        var summary = Adherence.Compute(Protocol, Schedule, records, D(3, today), programmeActive: active);

        Assert.Equal(D(3, 28), summary.EndDate);
        Assert.Equal(flagged, summary.Flags.Contains(AdherenceFlag.PastEndDateStillActive));
    }

    [Fact]
    public void CompletedSessionWithoutMinutesCountsItsPrescription()
    {
        var records = FirstSix();
        records[0] = records[0] with { MainMinutes = null, PlannedMainMinutes = null };

        Assert.Equal(180m, Adherence.Compute(Protocol, Schedule, records, Monday17).DeliveredMainMinutes);
    }

    [Fact]
    public void PrescribedMinutesFollowTheRamp()
    {
        var ramp = ProtocolTemplates.KneeOsteoarthritisRamp;
        var schedule = Schedules.Assign(ramp, D(3, 3)).Sessions;

        var summary = Adherence.Compute(ramp, schedule, [], D(3, 17));

        // Weeks 1 and 2 are due: 3 × 10 + 3 × 15 minutes.
        Assert.Equal(75m, summary.PrescribedMainMinutes);
        Assert.Equal(0m, summary.DeliveredMainMinutes);
        Assert.Equal(0m, summary.AdherencePercent);
    }

    [Fact]
    public void NothingDueYetHasNoPercentage()
    {
        var summary = Adherence.Compute(Protocol, Schedule, [], D(3, 3));

        Assert.Equal(0, summary.PlannedToDate);
        Assert.Null(summary.AdherencePercent);
        Assert.Null(summary.DosePercent);
    }
}
