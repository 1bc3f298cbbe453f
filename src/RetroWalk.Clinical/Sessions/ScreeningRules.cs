namespace RetroWalk.Clinical.Sessions;

/// <summary>
/// What a failed pre-session screening means for the session record. The screening only informs: it never changes
/// the session's status or clears what was entered. The therapist reads the failed check beside its reading and
/// chooses to record the session as not done; a session recorded as done despite a failed screening is refused.
/// </summary>
public static class ScreeningRules
{
    /// <summary>The status of a session recorded as not done because the screening failed (the clinic called it off).</summary>
    public const SessionStatus NotDoneStatus = SessionStatus.CancelledByClinic;

    /// <summary>How the form names the choice that records the session as not done because the screening failed.</summary>
    public const string NotDoneChoice = "Not done: screening failed";

    /// <summary>
    /// The screening of one set of readings, each reading taken as entered (a reading still being typed is not one).
    /// Same rule as <see cref="SafetyChecks.Screen"/>; named here for the form's per-reading findings.
    /// </summary>
    public static ScreeningResult Screen(ScreeningReadings readings, Protocols.ScreeningLimits limits) => SafetyChecks.Screen(readings, limits);

    /// <summary>The blocking finding about one reading (a <see cref="ScreeningReadings"/> property name), or null when it passes.</summary>
    public static SafetyFinding? FailedCheck(this ScreeningResult result, string reading) =>
        result.Findings.FirstOrDefault(f => f.Blocking && f.Field == reading);

    /// <summary>Whether the session may be recorded with <paramref name="status"/> after this screening.</summary>
    public static bool Allows(this ScreeningResult result, SessionStatus status) =>
        result.SessionMayGoAhead || status is not (SessionStatus.Completed or SessionStatus.Partial);

    /// <summary>Why a session with <paramref name="status"/> cannot be recorded after this screening, or null when it can.</summary>
    public static string? Refusal(this ScreeningResult result, SessionStatus status) =>
        result.Allows(status)
            ? null
            : $"The pre-session screening failed, so the session cannot be recorded as {status.Display().ToLowerInvariant()}: choose “{NotDoneChoice}” or correct the reading.";

    /// <summary>
    /// The status the form offers when the therapist records the session as not done after a failed screening:
    /// <see cref="NotDoneStatus"/>, or the status already chosen when it is a not-done one (missed, cancelled).
    /// </summary>
    public static SessionStatus NotDone(SessionStatus current) =>
        current is SessionStatus.Completed or SessionStatus.Partial ? NotDoneStatus : current;
}
