using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Web.Features.Programs;

namespace RetroWalk.Web.Tests.Unit;

public sealed class EndingConsequenceTests
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private static readonly SessionPrescription Dose = new(1.0m, 0, InclineUnit.Degrees, 5, 30, 5);

    private static ProgrammeDetails Programme(DateOnly today, params (int Day, ScheduledSessionStatus Status)[] sessions) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Zofia Retro-Nowak", "RW-2001", Guid.NewGuid(), "Chronic stroke, 4 weeks", 1, 1, "therapist", "Maria Santos",
        Monday, Weekdays.Monday | Weekdays.Wednesday | Weekdays.Friday, ProgrammeStatus.Active, null, null, null, Guid.NewGuid(),
        ProtocolTemplates.Find(ProtocolTemplates.ChronicStroke4WeeksKey)!, SpeedUnit.KilometresPerHour,
        [.. sessions.Select((s, i) => new ScheduledSessionItem(Guid.NewGuid(), i + 1, Monday.AddDays(s.Day), 1, i + 1, false, null, s.Status, Dose))], today);

    [Fact]
    public void BeforeTheFirstSessionEveryPlannedSessionWouldBeCancelled()
    {
        var twelve = Enumerable.Range(0, 4).SelectMany(w => new[] { 7 * w, (7 * w) + 2, (7 * w) + 4 }).Select(d => (d, ScheduledSessionStatus.Planned)).ToArray();

        var ending = Programme(Monday.AddDays(-3), twelve).Ending(delivered: 0);

        Assert.Equal("0 of 12 sessions done; the 12 remaining planned sessions will be cancelled.", ending.Sentence);
    }

    [Fact]
    public void SessionsUpToTodayStayAndCancelledOnesAreNotCountedAgain()
    {
        var programme = Programme(Monday.AddDays(4),
            (0, ScheduledSessionStatus.Planned), (2, ScheduledSessionStatus.Planned), (4, ScheduledSessionStatus.Planned),
            (7, ScheduledSessionStatus.Cancelled), (9, ScheduledSessionStatus.Planned));

        var ending = programme.Ending(delivered: 2);

        Assert.Equal(new EndingConsequence(2, 4, 1), ending);
        Assert.Equal("2 of 4 sessions done; the 1 remaining planned session will be cancelled.", ending.Sentence);
    }

    [Fact]
    public void AfterTheLastSessionNothingIsLeftToCancel() =>
        Assert.Equal("3 of 3 sessions done; no planned session is left to cancel.",
            Programme(Monday.AddDays(10), (0, ScheduledSessionStatus.Planned), (2, ScheduledSessionStatus.Planned), (4, ScheduledSessionStatus.Planned)).Ending(3).Sentence);
}
