using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Scheduling;

namespace RetroWalk.Clinical.Tests.Protocols;

public class AssessmentScheduleTests
{
    private static readonly string[] Core = ["BBS", "TUG", "10MWT-C", "6MWT"];

    // Monday 3 March 2025; the chronic-stroke course (Mon/Wed/Fri × 4 weeks) ends on Friday 28 March.
    private static readonly DateOnly Start = new(2025, 3, 3);
    private static readonly DateOnly End = new(2025, 3, 28);

    private static readonly IReadOnlyList<OutcomeAssessment> Plan =
    [
        new(AssessmentPoint.Baseline, null, Core),
        new(AssessmentPoint.Interim, 2, ["BBS", "TUG"]),
        new(AssessmentPoint.End, null, Core),
        new(AssessmentPoint.FollowUp, 12, ["BBS"]),
    ];

    private static DateOnly D(int month, int day) => new(2025, month, day);

    private static RecordedAssessment Recorded(DateOnly date, AssessmentPoint point, params string[] codes) => new(date, point, codes);

    private static PlannedAssessment Evaluate(AssessmentPoint point, DateOnly today, params RecordedAssessment[] recorded) =>
        AssessmentSchedule.Evaluate(Plan, Start, End, recorded, today).Single(a => a.Point == point);

    [Fact]
    public void DueDatesFollowThePlanAndTheProgrammeWeeks()
    {
        var plan = AssessmentSchedule.Evaluate(Plan, Start, End, [], Start);

        Assert.Equal([AssessmentPoint.Baseline, AssessmentPoint.Interim, AssessmentPoint.End, AssessmentPoint.FollowUp], plan.Select(p => p.Point));
        // Baseline on the start; interim week 2 on its last day (Sunday 16 March); end on the last session; follow-up 12 weeks later.
        Assert.Equal([D(3, 3), D(3, 16), D(3, 28), D(6, 20)], plan.Select(p => p.DueDate));
        Assert.Equal(2, Schedules.WeekOf(Start, plan[1].DueDate));
        Assert.Equal(3, Schedules.WeekOf(Start, plan[1].DueDate.AddDays(1)));
    }

    [Fact]
    public void AnInterimIsDueOnTheLastDayOfItsProgrammeWeekAlsoForAMidweekStart()
    {
        var wednesday = new DateOnly(2025, 3, 5);
        var due = AssessmentSchedule.DueDate(new OutcomeAssessment(AssessmentPoint.Interim, 3, ["BBS"]), wednesday, wednesday.AddDays(27));

        // Week 3 is 19–25 March (Wednesday to Tuesday).
        Assert.Equal(new DateOnly(2025, 3, 25), due);
        Assert.Equal(3, Schedules.WeekOf(wednesday, due));
        Assert.Equal(4, Schedules.WeekOf(wednesday, due.AddDays(1)));
    }

    [Fact]
    public void WindowsOpenSixDaysEarlyBaselineFourWeeksEarlyAndCloseFourWeeksLate()
    {
        var plan = AssessmentSchedule.Evaluate(Plan, Start, End, [], Start);

        Assert.Equal((D(2, 3), D(3, 31)), (plan[0].Opens, plan[0].Closes));
        // The interim's window is exactly programme week 2, Monday 10 to Sunday 16 March, then four weeks late.
        Assert.Equal((D(3, 10), D(4, 13)), (plan[1].Opens, plan[1].Closes));
        Assert.Equal((D(3, 22), D(4, 25)), (plan[2].Opens, plan[2].Closes));
        Assert.Equal((D(6, 14), D(7, 18)), (plan[3].Opens, plan[3].Closes));
    }

    [Fact]
    public void BeforeTheWindowItIsUpcomingThenDueOnTheDueDateThenOverdueThenMissed()
    {
        Assert.Equal(PlannedAssessmentStatus.Upcoming, Evaluate(AssessmentPoint.Interim, D(3, 9)).Status);
        Assert.Equal(PlannedAssessmentStatus.Due, Evaluate(AssessmentPoint.Interim, D(3, 10)).Status);
        Assert.Equal(PlannedAssessmentStatus.Due, Evaluate(AssessmentPoint.Interim, D(3, 16)).Status);
        Assert.Equal(PlannedAssessmentStatus.Overdue, Evaluate(AssessmentPoint.Interim, D(3, 17)).Status);
        Assert.Equal(PlannedAssessmentStatus.Overdue, Evaluate(AssessmentPoint.Interim, D(4, 13)).Status);
        Assert.Equal(PlannedAssessmentStatus.Missed, Evaluate(AssessmentPoint.Interim, D(4, 14)).Status);
    }

    [Fact]
    public void RecordedExactlyOnTheDueDateIsDone()
    {
        var interim = Evaluate(AssessmentPoint.Interim, D(3, 16), Recorded(D(3, 16), AssessmentPoint.Interim, "BBS", "TUG"));

        Assert.Equal(PlannedAssessmentStatus.Done, interim.Status);
        Assert.Equal(D(3, 16), interim.LastRecordedOn);
        Assert.Empty(interim.MissingMeasures);
    }

    [Fact]
    public void RecordedAFewDaysEarlyCountsAsDoneButNotMoreThanSixDaysEarly()
    {
        // Six days before the due date (the Monday of week 2) counts; seven days before (week 1) does not.
        Assert.Equal(PlannedAssessmentStatus.Done, Evaluate(AssessmentPoint.Interim, D(3, 12), Recorded(D(3, 10), AssessmentPoint.Interim, "BBS", "TUG")).Status);
        Assert.Equal(PlannedAssessmentStatus.Due, Evaluate(AssessmentPoint.Interim, D(3, 12), Recorded(D(3, 9), AssessmentPoint.Interim, "BBS", "TUG")).Status);

        // End on Friday 28 March: recorded on Monday 24 March (four days early) counts.
        Assert.Equal(PlannedAssessmentStatus.Done, Evaluate(AssessmentPoint.End, D(3, 24), Recorded(D(3, 24), AssessmentPoint.End, Core)).Status);
        Assert.Equal(PlannedAssessmentStatus.Upcoming, Evaluate(AssessmentPoint.End, D(3, 21), Recorded(D(3, 21), AssessmentPoint.End, Core)).Status);
    }

    [Fact]
    public void ABaselineUpToFourWeeksBeforeTheStartCounts()
    {
        Assert.Equal(PlannedAssessmentStatus.Done, Evaluate(AssessmentPoint.Baseline, D(3, 3), Recorded(D(2, 3), AssessmentPoint.Baseline, Core)).Status);
        Assert.Equal(PlannedAssessmentStatus.Due, Evaluate(AssessmentPoint.Baseline, D(3, 3), Recorded(D(2, 2), AssessmentPoint.Baseline, Core)).Status);
    }

    [Fact]
    public void ALateRecordingCountsUntilTheWindowCloses()
    {
        Assert.Equal(PlannedAssessmentStatus.Done, Evaluate(AssessmentPoint.End, D(4, 25), Recorded(D(4, 25), AssessmentPoint.End, Core)).Status);
        Assert.Equal(PlannedAssessmentStatus.Missed, Evaluate(AssessmentPoint.End, D(4, 26), Recorded(D(4, 26), AssessmentPoint.End, Core)).Status);
    }

    [Fact]
    public void OnlyTheMatchingTimePointCountsAndEveryPlannedMeasureIsNeeded()
    {
        var wrongPoint = Evaluate(AssessmentPoint.Interim, D(3, 14), Recorded(D(3, 14), AssessmentPoint.End, "BBS", "TUG"));
        Assert.Equal(PlannedAssessmentStatus.Due, wrongPoint.Status);

        var partial = Evaluate(AssessmentPoint.Interim, D(3, 17), Recorded(D(3, 14), AssessmentPoint.Interim, "bbs", "3MBWT"));
        Assert.Equal(PlannedAssessmentStatus.Overdue, partial.Status);
        Assert.Equal(["BBS"], partial.RecordedMeasures);
        Assert.Equal(["TUG"], partial.MissingMeasures);

        // The missing measure recorded at a second sitting completes it.
        var split = Evaluate(AssessmentPoint.Interim, D(3, 18),
            Recorded(D(3, 14), AssessmentPoint.Interim, "BBS"), Recorded(D(3, 18), AssessmentPoint.Interim, "TUG"));
        Assert.Equal(PlannedAssessmentStatus.Done, split.Status);
        Assert.Equal(D(3, 18), split.LastRecordedOn);
    }

    [Fact]
    public void InterimsInConsecutiveWeeksDoNotShareARecording()
    {
        IReadOnlyList<OutcomeAssessment> plan = [new(AssessmentPoint.Interim, 2, ["BBS"]), new(AssessmentPoint.Interim, 3, ["BBS"])];
        var recorded = new[] { Recorded(D(3, 18), AssessmentPoint.Interim, "BBS") };

        var result = AssessmentSchedule.Evaluate(plan, Start, End, recorded, D(3, 18));

        // Week 2's window closes on its due date (16 March); the recording on the Tuesday of week 3 is week 3's.
        Assert.Equal((D(3, 10), D(3, 16)), (result[0].Opens, result[0].Closes));
        Assert.Equal(PlannedAssessmentStatus.Missed, result[0].Status);
        Assert.Equal(D(3, 17), result[1].Opens);
        Assert.Equal(PlannedAssessmentStatus.Done, result[1].Status);
    }

    [Fact]
    public void DueByTheEndOfTheWeekIncludesOverdueButNotDoneOrLater()
    {
        var monday = D(3, 17);
        var plan = AssessmentSchedule.Evaluate(Plan, Start, End, [Recorded(D(2, 28), AssessmentPoint.Baseline, Core)], monday);

        // Baseline done; interim (due Sunday 16 March) overdue; end (28 March) not this week.
        Assert.Equal([AssessmentPoint.Interim], plan.Where(p => AssessmentSchedule.IsDueByEndOfWeek(p, monday)).Select(p => p.Point));

        var week3Sunday = AssessmentSchedule.Evaluate([new(AssessmentPoint.Interim, 3, ["BBS"])], Start, End, [], monday).Single();
        Assert.Equal(D(3, 23), week3Sunday.DueDate);
        Assert.True(AssessmentSchedule.IsDueByEndOfWeek(week3Sunday, monday));
        Assert.False(AssessmentSchedule.IsDueByEndOfWeek(week3Sunday, D(3, 10)));
    }

    [Fact]
    public void MondayOfIsTheCalendarWeeksMonday()
    {
        Assert.Equal(D(3, 17), CalendarWeek.MondayOf(D(3, 17)));
        Assert.Equal(D(3, 17), CalendarWeek.MondayOf(D(3, 23)));
        Assert.Equal(D(3, 24), CalendarWeek.MondayOf(D(3, 24)));
    }
}
