namespace RetroWalk.Clinical.Scheduling;

/// <summary>
/// One planned session of an assigned programme.
/// <para><see cref="Sequence"/> is the session's stable identity: numbered 1, 2, 3… in date order when the
/// schedule is generated, never renumbered when sessions are moved, cancelled or added (session records refer to it).</para>
/// <para><see cref="Week"/> is the programme week the session belongs to, starting at 1. Week N covers the seven days
/// from start date + 7·(N − 1). It is kept when a session is moved or shifted by a pause, so the planned dose follows
/// the training week, not the calendar.</para>
/// <para><see cref="DoseSequence"/> is the session whose prescription applies: itself, or for a make-up session the
/// session it replaces (or the next one).</para>
/// </summary>
public sealed record PlannedSession(int Sequence, DateOnly Date, int Week)
{
    public int DoseSequence { get; init; } = Sequence;

    public bool IsMakeUp { get; init; }

    /// <summary>For a make-up session: the session it makes up for, if any.</summary>
    public int? ReplacesSequence { get; init; }
}

/// <summary>The outcome of changing a schedule: the new schedule, or an error and the schedule unchanged.</summary>
public sealed record ScheduleChange(IReadOnlyList<PlannedSession> Sessions, string? Error)
{
    public bool Succeeded => Error is null;
}
