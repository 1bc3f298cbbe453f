using AngleSharp.Dom;
using Bunit;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Features.Programs;

namespace RetroWalk.Web.Tests.Components;

public sealed class ScheduleTableTests : FormComponentTest
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly SessionPrescription Dose = new(1.0m, 0, InclineUnit.Degrees, 5, 30, 5);

    private static ScheduledSessionItem Session(int sequence, int day, ScheduledSessionStatus status = ScheduledSessionStatus.Planned) =>
        new(Guid.NewGuid(), sequence, Monday.AddDays(day), (day / 7) + 1, sequence, false, null, status, Dose);

    /// <summary>Mon/Wed/Fri from Monday 16 Nov 2026; today is Wednesday 25 Nov.</summary>
    private static ProgrammeDetails Programme(DateOnly? pausedFrom = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Zofia Retro-Nowak", "RW-2001", Guid.NewGuid(), "Chronic stroke, 4 weeks", 1, 1, "therapist", "Maria Santos",
        Monday, Weekdays.Monday | Weekdays.Wednesday | Weekdays.Friday, pausedFrom is null ? ProgrammeStatus.Active : ProgrammeStatus.Paused,
        pausedFrom, null, null, Guid.NewGuid(), ProtocolTemplates.Find(ProtocolTemplates.ChronicStroke4WeeksKey)!, SpeedUnit.KilometresPerHour,
        [Session(1, 0), Session(2, 2), Session(3, 4, ScheduledSessionStatus.Cancelled), Session(4, 7), Session(5, 9), Session(6, 11)], Today);

    private IRenderedComponent<ScheduleTable> RenderTable(ProgrammeDetails programme, Dictionary<int, SessionStatus> recorded) =>
        Render<ScheduleTable>(p => p.Add(x => x.Programme, programme).Add(x => x.Recorded, recorded));

    private static IElement Row(IRenderedComponent<ScheduleTable> table, int sequence) =>
        table.FindAll("[data-testid=session-row]").Single(r => r.Children[0].TextContent.Trim() == sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static List<string?> Buttons(IRenderedComponent<ScheduleTable> table, int sequence) =>
        [.. Row(table, sequence).QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label"))];

    private static string Status(IRenderedComponent<ScheduleTable> table, int sequence) => Row(table, sequence).QuerySelector("[data-testid=session-status]")!.TextContent.Trim();

    [Fact]
    public void ARecordedSessionReadsItsRecordedStatusNotPlanned()
    {
        var table = RenderTable(Programme(), new() { [1] = SessionStatus.Completed, [2] = SessionStatus.Partial, [4] = SessionStatus.Missed });

        Assert.Equal("Completed", Status(table, 1));
        Assert.Equal("Partly completed", Status(table, 2));
        Assert.Equal("Cancelled", Status(table, 3));
        Assert.Equal("Missed", Status(table, 4));
        Assert.Equal("Planned", Status(table, 5));
        Assert.Equal("Session 1 completed: open the record", Row(table, 1).QuerySelector("a")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void MoveAndCancelAreOfferedOnlyForPlannedUnrecordedSessionsInsideTheirCell()
    {
        var table = RenderTable(Programme(), new() { [1] = SessionStatus.Completed });

        Assert.Empty(Row(table, 1).QuerySelectorAll("button"));
        Assert.Empty(Row(table, 3).QuerySelectorAll("button"));
        // Due today and not recorded, it can also be marked missed; a later one cannot yet.
        Assert.Equal(["Mark session 5 missed", "Move session 5", "Cancel session 5"], Buttons(table, 5));
        Assert.Equal(["Move session 6", "Cancel session 6"], Buttons(table, 6));
        foreach (var button in table.FindAll("button"))
        {
            var cell = button.Closest("td")!;
            Assert.Equal("session-record", cell.GetAttribute("data-testid"));
            Assert.NotNull(button.Closest("div.row-actions"));
            Assert.NotNull(cell.Closest("table"));
        }
    }

    [Fact]
    public void WhilePausedTheLaterSessionsAreOnHoldAndCannotBeRecorded()
    {
        var table = RenderTable(Programme(pausedFrom: Monday.AddDays(7)), []);

        Assert.Equal("Planned", Status(table, 2));
        Assert.Equal("On hold (paused)", Status(table, 4));
        Assert.Equal("On hold (paused)", Status(table, 6));
        Assert.Null(Row(table, 4).QuerySelector("a[aria-label='Record session 4']"));
        Assert.NotNull(Row(table, 2).QuerySelector("a[aria-label='Record session 2']"));
    }
}
