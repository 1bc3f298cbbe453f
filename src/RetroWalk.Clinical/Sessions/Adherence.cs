using System.Text.Json.Serialization;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Scheduling;

namespace RetroWalk.Clinical.Sessions;

[JsonConverter(typeof(JsonStringEnumConverter<AdherenceFlag>))]
public enum AdherenceFlag
{
    /// <summary>The last two or more sessions were missed or cancelled by the patient (or not recorded).</summary>
    ConsecutiveMissedSessions = 1,

    /// <summary>An adverse event was recorded today or in the six days before.</summary>
    RecentAdverseEvent = 2,

    /// <summary>The last planned session is in the past but the programme is still active.</summary>
    PastEndDateStillActive = 3,

    /// <summary>At least one session was only partly completed (it counts as delivered).</summary>
    PartialSessions = 4,

    /// <summary>At least one past planned session has no record yet (counted as missed).</summary>
    UnrecordedSessions = 5,
}

public sealed record RecordedAdverseEvent(DateOnly Date, int? Sequence, AdverseEvent Event);

/// <summary>Adherence and delivered dose of one programme up to a given day.</summary>
public sealed record AdherenceSummary
{
    /// <summary>Sessions due up to today that count for the patient: clinic cancellations and made-up misses are left out.</summary>
    public int PlannedToDate { get; init; }

    /// <summary>Completed plus partly completed planned sessions.</summary>
    public int Delivered { get; init; }

    /// <summary>Delivered sessions that were not planned (extra sessions): their minutes count in the dose, not in adherence.</summary>
    public int Extra { get; init; }

    public int Completed { get; init; }

    public int Partial { get; init; }

    /// <summary>Missed, cancelled by the patient, or not recorded, and not made up.</summary>
    public int Missed { get; init; }

    public int CancelledByClinic { get; init; }

    /// <summary>Past planned sessions with no record; included in <see cref="Missed"/>.</summary>
    public int Unrecorded { get; init; }

    /// <summary>Delivered / planned to date × 100, one decimal; null before the first due session.</summary>
    public decimal? AdherencePercent { get; init; }

    public decimal PrescribedMainMinutes { get; init; }

    public decimal DeliveredMainMinutes { get; init; }

    /// <summary>Delivered / prescribed main minutes × 100, one decimal; null when nothing was prescribed yet.</summary>
    public decimal? DosePercent { get; init; }

    /// <summary>Current streak of patient misses (missed, cancelled by the patient, not recorded) back from the latest session; clinic cancellations are skipped.</summary>
    public int ConsecutiveMissed { get; init; }

    public int AdverseEventCount { get; init; }

    public RecordedAdverseEvent? MostRecentAdverseEvent { get; init; }

    public DateOnly? EndDate { get; init; }

    public IReadOnlyList<AdherenceFlag> Flags { get; init; } = [];
}

public static class Adherence
{
    /// <summary>Days, counting today, in which an adverse event raises <see cref="AdherenceFlag.RecentAdverseEvent"/>.</summary>
    public const int RecentAdverseEventDays = 7;

    /// <summary>
    /// Adherence and dose up to <paramref name="today"/>.
    /// A planned session is due once it has a record, or once its date is before today (today's session is not
    /// counted until recorded). A session cancelled by the clinic leaves the denominator; so does a missed session
    /// that a delivered make-up session replaced. Records that match no planned session are extra sessions: they are
    /// neither planned nor prescribed, so they stay out of adherence and prescribed minutes, but their minutes are
    /// part of the dose delivered (and a delivered extra session ends a run of misses).
    /// Completed sessions without recorded minutes count their prescribed minutes; partial ones without minutes count 0.
    /// </summary>
    public static AdherenceSummary Compute(
        ProtocolDefinition protocol,
        IReadOnlyList<PlannedSession> schedule,
        IReadOnlyList<SessionOutcome> outcomes,
        DateOnly today,
        bool programmeActive = true,
        DateOnly? endDate = null)
    {
        var recorded = outcomes.Where(o => o.Date <= today).ToList();
        var bySequence = recorded
            .Where(o => o.Sequence is not null)
            .GroupBy(o => o.Sequence!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Date).Last());
        var planned = schedule.Select(s => s.Sequence).ToHashSet();

        var entries = new List<Entry>();
        foreach (var session in schedule)
        {
            if (bySequence.TryGetValue(session.Sequence, out var outcome))
            {
                entries.Add(new Entry(outcome.Date, session.Sequence, session, outcome));
            }
            else if (session.Date < today)
            {
                entries.Add(new Entry(session.Date, session.Sequence, session, null));
            }
        }
        entries.AddRange(recorded
            .Where(o => o.Sequence is null || !planned.Contains(o.Sequence.Value))
            .Select(o => new Entry(o.Date, o.Sequence, null, o)));
        entries = [.. entries.OrderBy(e => e.Date).ThenBy(e => e.Sequence ?? int.MaxValue)];

        var madeUp = entries
            .Where(e => e.Planned is { IsMakeUp: true, ReplacesSequence: not null } && e.IsDelivered)
            .Select(e => e.Planned!.ReplacesSequence!.Value)
            .ToHashSet();

        var counted = entries
            .Where(e => e.Outcome?.Status != SessionStatus.CancelledByClinic)
            .Where(e => !(e.IsMiss && e.Sequence is { } seq && madeUp.Contains(seq)))
            .ToList();

        var extras = counted.Where(e => e.Planned is null && e.IsDelivered).ToList();
        counted = [.. counted.Where(e => e.Planned is not null)];
        var delivered = counted.Where(e => e.IsDelivered).ToList();
        var prescribed = counted.Sum(e => PrescribedMinutes(protocol, e));
        var deliveredMinutes = delivered.Concat(extras).Sum(e => e.Outcome!.MainMinutes
            ?? (e.Outcome.Status == SessionStatus.Completed && e.Planned is not null ? PrescribedMinutes(protocol, e) : 0m));

        var streak = 0;
        foreach (var entry in Enumerable.Reverse(entries))
        {
            if (entry.Outcome?.Status == SessionStatus.CancelledByClinic)
            {
                continue;
            }
            if (!entry.IsMiss)
            {
                break;
            }
            streak++;
        }

        var events = recorded
            .OrderBy(o => o.Date).ThenBy(o => o.Sequence ?? int.MaxValue)
            .SelectMany(o => o.AdverseEvents.Select(a => new RecordedAdverseEvent(o.Date, o.Sequence, a)))
            .ToList();
        var mostRecent = events.Count > 0 ? events[^1] : null;
        var end = endDate ?? (schedule.Count > 0 ? schedule.Max(s => s.Date) : null);

        var flags = new List<AdherenceFlag>();
        if (streak >= 2)
        {
            flags.Add(AdherenceFlag.ConsecutiveMissedSessions);
        }
        if (events.Any(e => e.Date > today.AddDays(-RecentAdverseEventDays)))
        {
            flags.Add(AdherenceFlag.RecentAdverseEvent);
        }
        if (programmeActive && end is { } last && last < today)
        {
            flags.Add(AdherenceFlag.PastEndDateStillActive);
        }
        var partial = delivered.Count(e => e.Outcome!.Status == SessionStatus.Partial);
        if (partial > 0)
        {
            flags.Add(AdherenceFlag.PartialSessions);
        }
        var unrecorded = counted.Count(e => e.Outcome is null);
        if (unrecorded > 0)
        {
            flags.Add(AdherenceFlag.UnrecordedSessions);
        }

        return new AdherenceSummary
        {
            PlannedToDate = counted.Count,
            Delivered = delivered.Count,
            Extra = extras.Count,
            Completed = delivered.Count - partial,
            Partial = partial,
            Missed = counted.Count(e => e.IsMiss),
            CancelledByClinic = entries.Count(e => e.Outcome?.Status == SessionStatus.CancelledByClinic),
            Unrecorded = unrecorded,
            AdherencePercent = Percent(delivered.Count, counted.Count),
            PrescribedMainMinutes = prescribed,
            DeliveredMainMinutes = deliveredMinutes,
            DosePercent = Percent(deliveredMinutes, prescribed),
            ConsecutiveMissed = streak,
            AdverseEventCount = events.Count,
            MostRecentAdverseEvent = mostRecent,
            EndDate = end,
            Flags = flags,
        };
    }

    private static decimal PrescribedMinutes(ProtocolDefinition protocol, Entry entry) =>
        entry.Outcome?.PlannedMainMinutes
        ?? (entry.Planned is { } p ? Prescriptions.For(protocol, p).MainMinutes : protocol.Session.MainMinutes);

    private static decimal? Percent(decimal part, decimal whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    private sealed record Entry(DateOnly Date, int? Sequence, PlannedSession? Planned, SessionOutcome? Outcome)
    {
        public bool IsDelivered => Outcome?.IsDelivered == true;

        /// <summary>Missed, cancelled by the patient, or a past planned session with no record.</summary>
        public bool IsMiss => Outcome is null || Outcome.IsPatientMiss;
    }
}
