using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Scheduling;

/// <summary>
/// Schedule generation and changes. Week 1 starts on the programme start date and every week is the seven days
/// from start + 7·(N − 1); any seven consecutive days hold each weekday once, so each week offers every chosen
/// training day once. A start on a non-training day begins at the next training day in the same week.
/// When fewer sessions per week than training days are planned, the earliest training days of each week are used.
/// Schedules are kept sorted by date (then sequence).
/// </summary>
public static class Schedules
{
    private static readonly DayOfWeek[] MondayFirst =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    /// <summary>
    /// A default spread of training days for <paramref name="sessionsPerWeek"/>: 1 Wed; 2 Tue/Thu; 3 Mon/Wed/Fri;
    /// 4 Mon/Tue/Thu/Fri; 5 Mon–Fri; 6 Mon–Sat; 7 every day.
    /// </summary>
    public static IReadOnlyList<DayOfWeek> DefaultTrainingDays(int sessionsPerWeek) => sessionsPerWeek switch
    {
        1 => [DayOfWeek.Wednesday],
        2 => [DayOfWeek.Tuesday, DayOfWeek.Thursday],
        3 => [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
        4 => [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        5 => MondayFirst[..5],
        6 => MondayFirst[..6],
        7 => MondayFirst,
        _ => throw new ArgumentOutOfRangeException(nameof(sessionsPerWeek), sessionsPerWeek, "Sessions per week must be 1 to 7."),
    };

    /// <summary>The programme week (1-based) that <paramref name="date"/> falls in; 0 or less before the start.</summary>
    public static int WeekOf(DateOnly start, DateOnly date)
    {
        var days = date.DayNumber - start.DayNumber;
        return (int)Math.Floor(days / 7d) + 1;
    }

    /// <summary>First day of programme week <paramref name="week"/>.</summary>
    public static DateOnly WeekStart(DateOnly start, int week) => start.AddDays(7 * (week - 1));

    /// <summary><paramref name="sessionsPerWeek"/> sessions a week for <paramref name="weeks"/> weeks.</summary>
    public static IReadOnlyList<PlannedSession> ForWeeks(DateOnly start, IReadOnlyCollection<DayOfWeek> trainingDays, int sessionsPerWeek, int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        return Generate(start, trainingDays, sessionsPerWeek, sessionsPerWeek * weeks);
    }

    /// <summary>A fixed number of sessions, at most <paramref name="sessionsPerWeek"/> a week.</summary>
    public static IReadOnlyList<PlannedSession> ForSessionCount(DateOnly start, IReadOnlyCollection<DayOfWeek> trainingDays, int sessionsPerWeek, int sessionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessionCount, 1);
        return Generate(start, trainingDays, sessionsPerWeek, sessionCount);
    }

    /// <summary>
    /// Assigns a protocol from <paramref name="start"/> on <paramref name="trainingDays"/> (the default spread when
    /// null or empty). Returns field-keyed errors instead of sessions when the days do not fit the protocol.
    /// </summary>
    public static ScheduleAssignment Assign(ProtocolDefinition protocol, DateOnly start, IReadOnlyCollection<DayOfWeek>? trainingDays = null)
    {
        var course = protocol.Course;
        if (course.SessionsPerWeek is < 1 or > 7)
        {
            return new([], [new ValidationError(ProtocolFields.SessionsPerWeek, "Sessions per week must be 1 to 7.")]);
        }
        if (course.TotalSessions < 1)
        {
            return new([], [new ValidationError(ProtocolFields.Weeks, "Set a number of weeks or a fixed number of sessions.")]);
        }
        var days = trainingDays is { Count: > 0 } ? trainingDays : DefaultTrainingDays(course.SessionsPerWeek);
        var errors = ProtocolValidation.ValidateTrainingDays(course, days);
        if (errors.Count > 0)
        {
            return new([], errors);
        }
        return new(Generate(start, days, course.SessionsPerWeek, course.TotalSessions), []);
    }

    private static List<PlannedSession> Generate(DateOnly start, IReadOnlyCollection<DayOfWeek> trainingDays, int sessionsPerWeek, int count)
    {
        var days = trainingDays.ToHashSet();
        if (days.Count == 0)
        {
            throw new ArgumentException("Choose at least one training day.", nameof(trainingDays));
        }
        if (sessionsPerWeek < 1 || sessionsPerWeek > days.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(sessionsPerWeek), sessionsPerWeek,
                $"Sessions per week must be between 1 and the number of training days ({days.Count}).");
        }

        var sessions = new List<PlannedSession>(count);
        var week = 1;
        while (sessions.Count < count)
        {
            var weekStart = WeekStart(start, week);
            var inWeek = 0;
            for (var d = 0; d < 7 && inWeek < sessionsPerWeek && sessions.Count < count; d++)
            {
                var date = weekStart.AddDays(d);
                if (days.Contains(date.DayOfWeek))
                {
                    sessions.Add(new PlannedSession(sessions.Count + 1, date, week));
                    inWeek++;
                }
            }
            week++;
        }
        return sessions;
    }

    /// <summary>
    /// Pause from <paramref name="pauseFrom"/> and resume on <paramref name="resumeOn"/>: every session dated on or after
    /// the pause date that is not in <paramref name="doneSequences"/> moves, in order, to the next free training days
    /// on or after the resume date. Count, order, sequence, week and dose are kept.
    /// </summary>
    public static ScheduleChange Pause(
        IReadOnlyList<PlannedSession> sessions,
        IReadOnlyCollection<DayOfWeek> trainingDays,
        DateOnly pauseFrom,
        DateOnly resumeOn,
        IReadOnlyCollection<int>? doneSequences = null)
    {
        if (resumeOn <= pauseFrom)
        {
            return new(sessions, "The resume date must be after the pause date.");
        }
        var days = trainingDays.ToHashSet();
        if (days.Count == 0)
        {
            return new(sessions, "Choose at least one training day.");
        }
        var done = doneSequences?.ToHashSet() ?? [];
        var ordered = Sort(sessions);
        var toShift = ordered.Where(s => s.Date >= pauseFrom && !done.Contains(s.Sequence)).ToList();
        var shifting = toShift.Select(s => s.Sequence).ToHashSet();
        var kept = ordered.Where(s => !shifting.Contains(s.Sequence)).ToList();
        var taken = kept.Select(s => s.Date).ToHashSet();

        var date = resumeOn;
        foreach (var session in toShift)
        {
            while (!days.Contains(date.DayOfWeek) || taken.Contains(date))
            {
                date = date.AddDays(1);
            }
            kept.Add(session with { Date = date });
            taken.Add(date);
            date = date.AddDays(1);
        }
        return new(Sort(kept), null);
    }

    /// <summary>
    /// Moves one session to another date. Fails if the session is unknown or the date already has a session;
    /// <paramref name="writeDate"/> writes the date in that message (<see cref="DateText.Default"/> when not given).
    /// </summary>
    public static ScheduleChange Move(IReadOnlyList<PlannedSession> sessions, int sequence, DateOnly newDate, Func<DateOnly, string>? writeDate = null)
    {
        var session = sessions.FirstOrDefault(s => s.Sequence == sequence);
        if (session is null)
        {
            return new(sessions, $"There is no session {sequence}.");
        }
        if (sessions.Any(s => s.Sequence != sequence && s.Date == newDate))
        {
            return new(sessions, $"{(writeDate ?? DateText.Default)(newDate)} already has a session.");
        }
        return new(Sort(sessions.Select(s => s.Sequence == sequence ? s with { Date = newDate } : s)), null);
    }

    /// <summary>Removes one session from the plan. The others keep their sequence numbers.</summary>
    public static ScheduleChange Cancel(IReadOnlyList<PlannedSession> sessions, int sequence)
    {
        if (sessions.All(s => s.Sequence != sequence))
        {
            return new(sessions, $"There is no session {sequence}.");
        }
        return new(Sort(sessions.Where(s => s.Sequence != sequence)), null);
    }

    /// <summary>
    /// Adds a make-up session on <paramref name="date"/> with the next free sequence number. It takes the week and
    /// prescription of the session it replaces, or when none is given of the next planned session after the date
    /// (the last session when none follows). <paramref name="writeDate"/> writes the date in a refusal.
    /// </summary>
    public static ScheduleChange AddMakeUp(IReadOnlyList<PlannedSession> sessions, DateOnly date, int? replacesSequence = null, Func<DateOnly, string>? writeDate = null)
    {
        if (sessions.Count == 0)
        {
            return new(sessions, "There is no schedule to add a make-up session to.");
        }
        if (sessions.Any(s => s.Date == date))
        {
            return new(sessions, $"{(writeDate ?? DateText.Default)(date)} already has a session.");
        }
        PlannedSession? source;
        if (replacesSequence is { } replaced)
        {
            source = sessions.FirstOrDefault(s => s.Sequence == replaced);
            if (source is null)
            {
                return new(sessions, $"There is no session {replaced}.");
            }
        }
        else
        {
            var ordered = Sort(sessions);
            source = ordered.FirstOrDefault(s => s.Date > date) ?? ordered[^1];
        }
        var makeUp = new PlannedSession(sessions.Max(s => s.Sequence) + 1, date, source.Week)
        {
            DoseSequence = source.DoseSequence,
            IsMakeUp = true,
            ReplacesSequence = replacesSequence,
        };
        return new(Sort(sessions.Append(makeUp)), null);
    }

    private static List<PlannedSession> Sort(IEnumerable<PlannedSession> sessions) =>
        [.. sessions.OrderBy(s => s.Date).ThenBy(s => s.Sequence)];
}

/// <summary>The schedule produced by assigning a protocol, or the field-keyed reasons it could not be produced.</summary>
public sealed record ScheduleAssignment(IReadOnlyList<PlannedSession> Sessions, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
