using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Scheduling;

namespace RetroWalk.Clinical.Tests.Scheduling;

public class SchedulesTests
{
    private static readonly DayOfWeek[] MonWedFri = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday];

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static IReadOnlyList<PlannedSession> ChronicStrokeFrom(DateOnly start) =>
        Schedules.Assign(ProtocolTemplates.ChronicStroke4Weeks, start, MonWedFri).Sessions;

    [Fact]
    public void ChronicStrokeFromAMondayGivesTwelveSessionsOnMonWedFri()
    {
        var result = Schedules.Assign(ProtocolTemplates.ChronicStroke4Weeks, D(2025, 3, 3), MonWedFri);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [D(2025, 3, 3), D(2025, 3, 5), D(2025, 3, 7), D(2025, 3, 10), D(2025, 3, 12), D(2025, 3, 14),
             D(2025, 3, 17), D(2025, 3, 19), D(2025, 3, 21), D(2025, 3, 24), D(2025, 3, 26), D(2025, 3, 28)],
            result.Sessions.Select(s => s.Date));
        Assert.Equal(Enumerable.Range(1, 12), result.Sessions.Select(s => s.Sequence));
        Assert.Equal([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4], result.Sessions.Select(s => s.Week));
    }

    [Fact]
    public void FirstAndLastWeekHoldTheirSessions()
    {
        var sessions = ChronicStrokeFrom(D(2025, 3, 3));

        Assert.Equal([D(2025, 3, 3), D(2025, 3, 5), D(2025, 3, 7)], sessions.Where(s => s.Week == 1).Select(s => s.Date));
        Assert.Equal([D(2025, 3, 24), D(2025, 3, 26), D(2025, 3, 28)], sessions.Where(s => s.Week == 4).Select(s => s.Date));
    }

    [Fact]
    public void ScheduleSkipsNonTrainingDays()
    {
        var sessions = ChronicStrokeFrom(D(2025, 3, 3));

        Assert.All(sessions, s => Assert.Contains(s.Date.DayOfWeek, MonWedFri));
    }

    [Fact]
    public void StartOnANonTrainingDayBeginsAtTheNextTrainingDay()
    {
        var sessions = ChronicStrokeFrom(D(2025, 3, 1)); // Saturday

        Assert.Equal(D(2025, 3, 3), sessions[0].Date);
        Assert.Equal(1, sessions[0].Week);
        Assert.Equal(D(2025, 3, 28), sessions[^1].Date);
        Assert.Equal(12, sessions.Count);
    }

    [Fact]
    public void WeekRunsSevenDaysFromTheStartDate()
    {
        // Start Wednesday: week 1 is Wed 5 – Tue 11 March, so Monday 10 March belongs to week 1.
        var sessions = ChronicStrokeFrom(D(2025, 3, 5));

        Assert.Equal([D(2025, 3, 5), D(2025, 3, 7), D(2025, 3, 10)], sessions.Where(s => s.Week == 1).Select(s => s.Date));
        Assert.Equal([D(2025, 3, 12), D(2025, 3, 14), D(2025, 3, 17)], sessions.Where(s => s.Week == 2).Select(s => s.Date));
        Assert.Equal(D(2025, 3, 31), sessions[^1].Date);
        Assert.Equal(1, Schedules.WeekOf(D(2025, 3, 5), D(2025, 3, 11)));
        Assert.Equal(2, Schedules.WeekOf(D(2025, 3, 5), D(2025, 3, 12)));
        Assert.Equal(0, Schedules.WeekOf(D(2025, 3, 5), D(2025, 3, 4)));
    }

    [Fact]
    public void DatesStayRightAcrossTheMarchDaylightSavingChange()
    {
        // Clocks change on Sunday 30 March 2025 in Europe.
        var sessions = ChronicStrokeFrom(D(2025, 3, 24));

        Assert.Equal(
            [D(2025, 3, 24), D(2025, 3, 26), D(2025, 3, 28), D(2025, 3, 31), D(2025, 4, 2), D(2025, 4, 4)],
            sessions.Take(6).Select(s => s.Date));
        Assert.Equal(2, sessions[3].Week);
        Assert.All(sessions, s => Assert.Contains(s.Date.DayOfWeek, MonWedFri));
    }

    [Fact]
    public void DatesStayRightAcrossTheOctoberDaylightSavingChange()
    {
        // Clocks change on Sunday 26 October 2025 in Europe.
        var sessions = ChronicStrokeFrom(D(2025, 10, 20));

        Assert.Equal(
            [D(2025, 10, 20), D(2025, 10, 22), D(2025, 10, 24), D(2025, 10, 27), D(2025, 10, 29), D(2025, 10, 31)],
            sessions.Take(6).Select(s => s.Date));
        Assert.Equal(D(2025, 11, 14), sessions[^1].Date);
    }

    [Fact]
    public void DatesStayRightAcrossAYearBoundary()
    {
        var sessions = ChronicStrokeFrom(D(2025, 12, 15));

        Assert.Equal(
            [D(2025, 12, 15), D(2025, 12, 17), D(2025, 12, 19), D(2025, 12, 22), D(2025, 12, 24), D(2025, 12, 26),
             D(2025, 12, 29), D(2025, 12, 31), D(2026, 1, 2), D(2026, 1, 5), D(2026, 1, 7), D(2026, 1, 9)],
            sessions.Select(s => s.Date));
        Assert.Equal([3, 3, 3], sessions.Skip(6).Take(3).Select(s => s.Week));
    }

    [Fact]
    public void FixedCountStopsAtTheCount()
    {
        var result = Schedules.Assign(ProtocolTemplates.SubacuteStroke8Sessions, D(2025, 3, 3));

        Assert.Equal(8, result.Sessions.Count);
        Assert.Equal(
            [D(2025, 3, 3), D(2025, 3, 4), D(2025, 3, 5), D(2025, 3, 6), D(2025, 3, 7), D(2025, 3, 10), D(2025, 3, 11), D(2025, 3, 12)],
            result.Sessions.Select(s => s.Date));
        Assert.Equal([1, 1, 1, 1, 1, 2, 2, 2], result.Sessions.Select(s => s.Week));
    }

    [Fact]
    public void FixedCountWithThreeSessionsAWeek()
    {
        var sessions = Schedules.ForSessionCount(D(2025, 3, 3), MonWedFri, 3, 7);

        Assert.Equal(7, sessions.Count);
        Assert.Equal(D(2025, 3, 17), sessions[^1].Date);
        Assert.Equal(3, sessions[^1].Week);
    }

    [Fact]
    public void FewerSessionsThanTrainingDaysUseTheEarliestDaysOfEachWeek()
    {
        var sessions = Schedules.ForWeeks(D(2025, 3, 3), Schedules.DefaultTrainingDays(5), 2, 2);

        Assert.Equal([D(2025, 3, 3), D(2025, 3, 4), D(2025, 3, 10), D(2025, 3, 11)], sessions.Select(s => s.Date));
    }

    [Fact]
    public void DefaultWeekdaySpread()
    {
        Assert.Equal([DayOfWeek.Wednesday], Schedules.DefaultTrainingDays(1));
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday], Schedules.DefaultTrainingDays(2));
        Assert.Equal(MonWedFri, Schedules.DefaultTrainingDays(3));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday], Schedules.DefaultTrainingDays(4));
        Assert.Equal(5, Schedules.DefaultTrainingDays(5).Count);
        Assert.DoesNotContain(DayOfWeek.Saturday, Schedules.DefaultTrainingDays(5));
        Assert.Equal(7, Schedules.DefaultTrainingDays(7).Count);
    }

    [Fact]
    public void AssignWithoutDaysUsesTheDefaultSpread()
    {
        var sessions = Schedules.Assign(ProtocolTemplates.ChronicStroke4Weeks, D(2025, 3, 3)).Sessions;
        Assert.Equal(ChronicStrokeFrom(D(2025, 3, 3)), sessions);
    }

    [Fact]
    public void AssignRejectsFewerTrainingDaysThanSessionsPerWeek()
    {
        var result = Schedules.Assign(ProtocolTemplates.ChronicStroke4Weeks, D(2025, 3, 3), [DayOfWeek.Tuesday, DayOfWeek.Thursday]);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Sessions);
        Assert.Equal(ProtocolFields.TrainingDays, Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void PauseShiftsRemainingSessionsToTrainingDaysFromTheResumeDate()
    {
        var sessions = ChronicStrokeFrom(D(2025, 3, 3));

        var result = Schedules.Pause(sessions, MonWedFri, D(2025, 3, 11), D(2025, 3, 23), doneSequences: [1, 2, 3, 4]);

        Assert.True(result.Succeeded);
        Assert.Equal(12, result.Sessions.Count);
        Assert.Equal(sessions.Take(4), result.Sessions.Take(4));
        Assert.Equal(
            [D(2025, 3, 24), D(2025, 3, 26), D(2025, 3, 28), D(2025, 3, 31), D(2025, 4, 2), D(2025, 4, 4), D(2025, 4, 7), D(2025, 4, 9)],
            result.Sessions.Skip(4).Select(s => s.Date));
        Assert.Equal(Enumerable.Range(1, 12), result.Sessions.Select(s => s.Sequence));
        Assert.Equal(sessions.Select(s => s.Week), result.Sessions.Select(s => s.Week));
    }

    [Fact]
    public void PauseKeepsSessionsAlreadyDoneAfterThePauseDate()
    {
        var sessions = ChronicStrokeFrom(D(2025, 3, 3));

        var result = Schedules.Pause(sessions, MonWedFri, D(2025, 3, 12), D(2025, 3, 24), doneSequences: [5]);

        Assert.Equal(D(2025, 3, 12), result.Sessions.Single(s => s.Sequence == 5).Date);
        Assert.Equal(D(2025, 3, 24), result.Sessions.Single(s => s.Sequence == 6).Date);
        Assert.Equal(12, result.Sessions.Count);
    }

    [Fact]
    public void PauseNeedsAResumeDateAfterThePause()
    {
        var sessions = ChronicStrokeFrom(D(2025, 3, 3));

        var result = Schedules.Pause(sessions, MonWedFri, D(2025, 3, 12), D(2025, 3, 12));

        Assert.False(result.Succeeded);
        Assert.Same(sessions, result.Sessions);
    }

    [Fact]
    public void MovingASessionKeepsDateOrder()
    {
        var sessions = ChronicStrokeFrom(D(2025, 3, 3));

        var result = Schedules.Move(sessions, 2, D(2025, 3, 8));

        Assert.True(result.Succeeded);
        Assert.Equal([1, 3, 2, 4], result.Sessions.Take(4).Select(s => s.Sequence));
        Assert.Equal(1, result.Sessions.Single(s => s.Sequence == 2).Week);
    }

    [Fact]
    public void MovingOntoADayWithASessionFails()
    {
        var result = Schedules.Move(ChronicStrokeFrom(D(2025, 3, 3)), 2, D(2025, 3, 7));

        Assert.False(result.Succeeded);
        Assert.Equal("Fri 7 Mar 2025 already has a session.", result.Error);
    }

    [Fact]
    public void ARefusalWritesTheDateTheWayTheCallerWritesDates()
    {
        var sessions = ChronicStrokeFrom(D(2025, 3, 3));
        static string DayFirst(DateOnly date) => date.ToString("dd'/'MM'/'yyyy", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("07/03/2025 already has a session.", Schedules.Move(sessions, 2, D(2025, 3, 7), DayFirst).Error);
        Assert.Equal("07/03/2025 already has a session.", Schedules.AddMakeUp(sessions, D(2025, 3, 7), writeDate: DayFirst).Error);
    }

    [Fact]
    public void CancellingRemovesOneSessionAndKeepsTheOthersNumbers()
    {
        var result = Schedules.Cancel(ChronicStrokeFrom(D(2025, 3, 3)), 5);

        Assert.Equal(11, result.Sessions.Count);
        Assert.DoesNotContain(result.Sessions, s => s.Sequence == 5);
        Assert.Equal(12, result.Sessions[^1].Sequence);
        Assert.False(Schedules.Cancel(result.Sessions, 5).Succeeded);
    }

    [Fact]
    public void MakeUpTakesThePrescriptionOfTheSessionItReplaces()
    {
        var result = Schedules.AddMakeUp(ChronicStrokeFrom(D(2025, 3, 3)), D(2025, 3, 22), replacesSequence: 5);

        var makeUp = Assert.Single(result.Sessions, s => s.IsMakeUp);
        Assert.Equal(13, makeUp.Sequence);
        Assert.Equal(5, makeUp.ReplacesSequence);
        Assert.Equal(5, makeUp.DoseSequence);
        Assert.Equal(2, makeUp.Week);
        Assert.Equal(13, result.Sessions.Count);
        Assert.Equal(1.2m, Prescriptions.For(ProtocolTemplates.ChronicStroke4Weeks, makeUp).SpeedKmh);
    }

    [Fact]
    public void MakeUpWithoutAReplacedSessionTakesTheNextOne()
    {
        var sessions = ChronicStrokeFrom(D(2025, 3, 3));

        var makeUp = Schedules.AddMakeUp(sessions, D(2025, 3, 15)).Sessions.Single(s => s.IsMakeUp);
        var atTheEnd = Schedules.AddMakeUp(sessions, D(2025, 3, 29)).Sessions.Single(s => s.IsMakeUp);

        Assert.Equal(7, makeUp.DoseSequence);
        Assert.Equal(3, makeUp.Week);
        Assert.Null(makeUp.ReplacesSequence);
        Assert.Equal(12, atTheEnd.DoseSequence);
        Assert.Equal(4, atTheEnd.Week);
    }

    [Fact]
    public void MakeUpOnADayWithASessionFails() =>
        Assert.False(Schedules.AddMakeUp(ChronicStrokeFrom(D(2025, 3, 3)), D(2025, 3, 5), 4).Succeeded);
}
