using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Scheduling;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Infrastructure;
using static RetroWalk.Web.Features.Sessions.ProgrammeLoading;

namespace RetroWalk.Web.Features.Sessions;

/// <summary>
/// Session records of a programme: the form's data (prescription, targets, limits), saving with validation, optimistic
/// concurrency and an idempotency key, the next session's suggested dose and the therapist's decision on it,
/// adherence per programme and per patient, and today's sessions.
/// </summary>
public sealed class SessionService(IDbContextFactory<RetroWalkDbContext> dbFactory, ClinicClock clock, ICurrentUser user, ClinicFormats formats)
{
    /// <summary>
    /// The form for planned session <paramref name="sequence"/>, for the extra session <paramref name="recordId"/>, or for
    /// a new extra session when both are null. Null when the programme or session does not exist in this clinic.
    /// </summary>
    public async Task<SessionFormData?> GetFormAsync(Guid programmeId, int? sequence, Guid? recordId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var head = await HeadAsync(db, programmeId, cancellationToken);
        if (head is null)
        {
            return null;
        }
        var unit = await SpeedUnitAsync(db, cancellationToken);
        var record = recordId is { } rid
            ? await db.Set<SessionRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == rid && r.ProgrammeId == programmeId, cancellationToken)
            : sequence is { } seq
                ? await db.Set<SessionRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.ProgrammeId == programmeId && r.Sequence == seq, cancellationToken)
                : null;
        if (recordId is not null && record is null)
        {
            return null;
        }
        sequence ??= record?.Sequence;
        PlannedSessionView? planned = null;
        if (sequence is { } s)
        {
            var session = await db.Set<ScheduledSession>().AsNoTracking().SingleOrDefaultAsync(x => x.ProgrammeId == programmeId && x.Sequence == s, cancellationToken);
            if (session is null)
            {
                return null;
            }
            planned = new PlannedSessionView(session.Sequence, session.Date, session.Week, session.IsMakeUp, Prescription(session));
        }
        var total = await db.Set<ScheduledSession>().CountAsync(x => x.ProgrammeId == programmeId && x.Status == ScheduledSessionStatus.Planned, cancellationToken);
        var definition = head.Definition.InUnit(unit);
        var input = record is not null ? ToInput(record, unit) : NewInput(planned, definition, unit);
        var g = head.Programme;
        return new SessionFormData(g.Id, g.PatientId, head.PatientName, head.RecordNumber, g.ProtocolName, g.StartDate, clock.Today,
            ProgrammeStatuses.Effective(g.Status, g.StartDate, clock.Today).IsOngoing(), unit, definition, planned, total,
            head.DateOfBirth, head.RestingHeartRate, head.TakesBetaBlockers, input);
    }

    /// <summary>
    /// Records a session (a new record when <see cref="SessionInput.Id"/> is null, else an edit of the version the form
    /// loaded). A repeated save with the same idempotency key returns the record already saved. Nothing is saved when
    /// anything is invalid.
    /// </summary>
    public Task<SaveResult> SaveAsync(Guid programmeId, SessionInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => SaveCoreAsync(programmeId, input, cancellationToken));

    private async Task<SaveResult> SaveCoreAsync(Guid programmeId, SessionInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (input.Id is null && await ExistingByKeyAsync(db, input.IdempotencyKey, cancellationToken) is { } already)
        {
            return already;
        }
        var head = await HeadAsync(db, programmeId, cancellationToken);
        if (head is null)
        {
            return SaveResult.NotFound();
        }
        var unit = await SpeedUnitAsync(db, cancellationToken);
        var definition = head.Definition;

        SessionRecord record;
        if (input.Id is { } id)
        {
            var found = await db.Set<SessionRecord>().SingleOrDefaultAsync(r => r.Id == id && r.ProgrammeId == programmeId, cancellationToken);
            if (found is null)
            {
                return SaveResult.NotFound();
            }
            if (found.Version != input.Version)
            {
                return SaveResult.Conflict("session record");
            }
            record = found;
            db.Entry(record).Property(r => r.Version).OriginalValue = input.Version;
        }
        else
        {
            record = new SessionRecord { ClinicId = user.ClinicId, ProgrammeId = programmeId, IdempotencyKey = input.IdempotencyKey, Sequence = input.Sequence };
            if (input.Sequence is { } seq)
            {
                var session = await db.Set<ScheduledSession>().AsNoTracking()
                    .SingleOrDefaultAsync(s => s.ProgrammeId == programmeId && s.Sequence == seq, cancellationToken);
                if (session is not { Status: ScheduledSessionStatus.Planned })
                {
                    return Invalid("", $"Session {seq} is not a planned session of this programme.");
                }
                if (await db.Set<SessionRecord>().AnyAsync(r => r.ProgrammeId == programmeId && r.Sequence == seq, cancellationToken))
                {
                    return AlreadyRecorded(seq);
                }
                record.PlannedSpeedKmh = session.SpeedKmh;
                record.PlannedMainMinutes = session.MainMinutes;
            }
            db.Set<SessionRecord>().Add(record);
        }

        var errors = Validate(input, definition, head.Programme.StartDate, unit);
        if (!errors.IsValid)
        {
            return SaveResult.Invalid(errors);
        }
        var screening = SafetyChecks.Screen(input.Screening, definition.Safety.Screening);
        Apply(record, input, unit, definition, screening);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict("session record");
        }
        catch (DbUpdateException ex) when (Database.IsUniqueViolation(ex))
        {
            // Another save got there first: the same form again (same key), or someone else recording this session.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await ExistingByKeyAsync(fresh, input.IdempotencyKey, cancellationToken) ?? AlreadyRecorded(input.Sequence ?? 0);
        }
        var what = record.Sequence is { } n ? $"Session {n}" : "Extra session";
        return SaveResult.Saved(record.Id, record.Version) with { Message = $"{what} saved: {record.Status.Display().ToLowerInvariant()}, {formats.Date(record.Date)}." };
    }

    /// <summary>Marks a planned session that is due (today or earlier) as missed, in one action.</summary>
    public Task<SaveResult> MarkMissedAsync(Guid programmeId, int sequence, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => MarkMissedCoreAsync(programmeId, sequence, cancellationToken));

    private async Task<SaveResult> MarkMissedCoreAsync(Guid programmeId, int sequence, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var session = await db.Set<ScheduledSession>().AsNoTracking()
                .SingleOrDefaultAsync(s => s.ProgrammeId == programmeId && s.Sequence == sequence, cancellationToken);
            if (session is null)
            {
                return SaveResult.NotFound();
            }
            if (session.Date > clock.Today)
            {
                return Invalid("", $"Session {sequence} is on {formats.Date(session.Date)}, in the future: it cannot be marked missed yet.");
            }
            if (await db.Set<SessionRecord>().AnyAsync(r => r.ProgrammeId == programmeId && r.Sequence == sequence, cancellationToken))
            {
                return AlreadyRecorded(sequence);
            }
            var result = await SaveAsync(programmeId, new SessionInput
            {
                Sequence = sequence,
                Date = session.Date,
                Status = SessionStatus.Missed,
            }, cancellationToken);
            return result.Succeeded ? result with { Message = $"Session {sequence} marked missed." } : result;
        }
    }

    /// <summary>
    /// The suggested dose of the next planned session still to be recorded after the record <paramref name="afterRecordId"/>
    /// (after today when null), from the protocol's progression rule and all sessions so far. Null when no session is left.
    /// </summary>
    public async Task<NextSessionSuggestion?> SuggestNextAsync(Guid programmeId, Guid? afterRecordId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = (await LoadAsync(db, db.Set<Programme>().Where(g => g.Id == programmeId), cancellationToken)).SingleOrDefault();
        if (loaded is null)
        {
            return null;
        }
        var after = afterRecordId is { } rid ? loaded.Records.SingleOrDefault(r => r.Id == rid) : null;
        var recorded = loaded.Records.Where(r => r.Sequence is not null).Select(r => r.Sequence!.Value).ToHashSet();
        var today = clock.Today;
        var next = loaded.Sessions
            .Where(s => s.Status == ScheduledSessionStatus.Planned && !recorded.Contains(s.Sequence))
            .Where(s => after is null
                ? s.Date >= today
                : s.Date > after.Date || (s.Date == after.Date && s.Sequence > (after.Sequence ?? int.MaxValue)))
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence)
            .FirstOrDefault();
        if (next is null)
        {
            return null;
        }
        var unit = await SpeedUnitAsync(db, cancellationToken);
        var definition = loaded.Definition.InUnit(unit);
        var suggestion = ProgressionDecisions.SuggestNext(definition, next.ToPlanned(), [.. loaded.Records.Select(r => r.ToOutcome())]);
        var decision = await db.Set<PrescriptionDecision>().AsNoTracking()
            .Where(d => d.ProgrammeId == programmeId && d.ForSequence == next.Sequence)
            .OrderByDescending(d => d.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return new NextSessionSuggestion(next.Sequence, next.Date, next.Week, Prescription(next), suggestion.Prescription,
            suggestion.Action, suggestion.Reasons, unit, after?.Id,
            decision is null ? null : new DecisionView(decision.Choice, decision.SpeedKmh, decision.Incline, decision.MainMinutes,
                decision.DecidedBy, decision.CreatedAt, decision.OverrideReason));
    }

    /// <summary>
    /// Accepts or overrides the suggested dose of a planned session: the session's prescription takes the values used,
    /// and the decision (suggestion, reasons, values, who) is recorded.
    /// </summary>
    public Task<SaveResult> DecideAsync(Guid programmeId, DecisionInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => DecideCoreAsync(programmeId, input, cancellationToken));

    private async Task<SaveResult> DecideCoreAsync(Guid programmeId, DecisionInput input, CancellationToken cancellationToken)
    {
        var suggestion = await SuggestNextAsync(programmeId, input.AfterRecordId, cancellationToken);
        if (suggestion is null || suggestion.Sequence != input.ForSequence)
        {
            return Invalid("", "The next session has changed since the suggestion was shown. Reload to see the current suggestion.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Set<Programme>().SingleAsync(g => g.Id == programmeId, cancellationToken);
        var session = await db.Set<ScheduledSession>().SingleAsync(s => s.ProgrammeId == programmeId && s.Sequence == input.ForSequence, cancellationToken);
        var definition = ProtocolJson.Read(await db.Set<ProtocolVersion>().Where(v => v.Id == programme.ProtocolVersionId)
            .Select(v => v.DefinitionJson).SingleAsync(cancellationToken));
        var suggested = suggestion.Suggested;
        var (speed, incline, minutes) = (suggested.SpeedKmh, suggested.Incline, suggested.MainMinutes);
        if (input.Choice == PrescriptionChoice.Overridden)
        {
            var errors = ValidateOverride(input, definition.Treadmill, suggestion.SpeedUnit);
            if (!errors.IsValid)
            {
                return SaveResult.Invalid(errors);
            }
            (speed, incline, minutes) = (Units.ToKmh(input.Speed!.Value, suggestion.SpeedUnit), input.Incline!.Value, input.MainMinutes!.Value);
        }
        session.SpeedKmh = speed;
        session.Incline = incline;
        session.MainMinutes = minutes;
        // Renewed so a schedule change from a page opened before this decision is refused.
        programme.Version = Guid.NewGuid();
        db.Set<PrescriptionDecision>().Add(new PrescriptionDecision
        {
            ClinicId = user.ClinicId,
            ProgrammeId = programmeId,
            ForSequence = input.ForSequence,
            AfterRecordId = input.AfterRecordId,
            Action = suggestion.Action,
            SuggestedSpeedKmh = suggested.SpeedKmh,
            SuggestedIncline = suggested.Incline,
            SuggestedMainMinutes = suggested.MainMinutes,
            InclineUnit = suggested.InclineUnit,
            Reasons = string.Join("\n", suggestion.Reasons),
            Choice = input.Choice,
            SpeedKmh = speed,
            Incline = incline,
            MainMinutes = minutes,
            OverrideReason = input.Choice == PrescriptionChoice.Overridden && !string.IsNullOrWhiteSpace(input.Reason) ? input.Reason.Trim() : null,
            DecidedBy = user.UserName,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict("programme");
        }
        var line = new SessionPrescription(speed, incline, session.InclineUnit, session.WarmUpMinutes, minutes, session.CoolDownMinutes).Line(suggestion.SpeedUnit);
        var verb = input.Choice == PrescriptionChoice.Accepted ? "Suggestion accepted" : "Prescription overridden";
        return SaveResult.Saved(session.Id, session.Version) with { Message = $"{verb}: session {input.ForSequence} is now {line}." };
    }

    public async Task<ProgrammeAdherence?> GetAdherenceAsync(Guid programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = (await LoadAsync(db, db.Set<Programme>().Where(g => g.Id == programmeId), cancellationToken)).SingleOrDefault();
        if (loaded is null)
        {
            return null;
        }
        return new ProgrammeAdherence(programmeId, Summarise(loaded),
            loaded.Records.Where(r => r.Sequence is not null).ToDictionary(r => r.Sequence!.Value, r => r.Status),
            loaded.Records.Count(r => r.Sequence is null));
    }

    /// <summary>A patient's adherence over all their programmes; null when they have none.</summary>
    public async Task<PatientAdherence?> GetPatientAdherenceAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = await LoadAsync(db, db.Set<Programme>().Where(g => g.PatientId == patientId), cancellationToken);
        if (loaded.Count == 0)
        {
            return null;
        }
        var summaries = loaded.OrderBy(l => l.Programme.StartDate).Select(Summarise).ToList();
        return new PatientAdherence(summaries.Count, summaries.Sum(s => s.PlannedToDate), summaries.Sum(s => s.Delivered), summaries.Sum(s => s.Missed),
            summaries.Sum(s => s.PrescribedMainMinutes), summaries.Sum(s => s.DeliveredMainMinutes), summaries.Sum(s => s.AdverseEventCount),
            summaries[^1].ConsecutiveMissed, summaries[^1].Flags);
    }

    /// <summary>Planned sessions today in the ongoing programmes the signed-in therapist is responsible for, with what is recorded.</summary>
    public async Task<IReadOnlyList<TodaySession>> TodayForMeAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from s in db.Set<ScheduledSession>()
            join g in db.Set<Programme>() on s.ProgrammeId equals g.Id
            join p in db.Set<Patient>() on g.PatientId equals p.Id
            where g.TherapistUserId == user.UserId && ProgrammeStatuses.Ongoing.Contains(g.Status)
                && s.Status == ScheduledSessionStatus.Planned && s.Date == today
                && (g.PausedFrom == null || s.Date < g.PausedFrom)
            orderby p.FamilyName, p.GivenName
            select new
            {
                Session = s, g.PatientId, PatientName = p.GivenName + " " + p.FamilyName, p.RecordNumber, g.ProtocolName,
                Recorded = db.Set<SessionRecord>().Where(r => r.ProgrammeId == g.Id && r.Sequence == s.Sequence).Select(r => (SessionStatus?)r.Status).FirstOrDefault(),
            }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(r => new TodaySession(r.Session.ProgrammeId, r.PatientId, r.PatientName, r.RecordNumber, r.ProtocolName,
            r.Session.Sequence, Prescription(r.Session), r.Recorded))];
    }

    /// <summary>
    /// A programme's session history and adherence as plain records, for reports. Null when it does not exist in this clinic.
    /// With a period, only its sessions count and adherence is as of the period's end (or today, if earlier).
    /// </summary>
    public async Task<ProgrammeSessionHistory?> GetHistoryAsync(Guid programmeId, DateOnly? periodStart = null, DateOnly? periodEnd = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var head = await HeadAsync(db, programmeId, cancellationToken);
        var loaded = (await LoadAsync(db, db.Set<Programme>().Where(g => g.Id == programmeId), cancellationToken)).SingleOrDefault();
        if (head is null || loaded is null)
        {
            return null;
        }
        var unit = await SpeedUnitAsync(db, cancellationToken);
        bool InPeriod(DateOnly date) => (periodStart is null || date >= periodStart) && (periodEnd is null || date <= periodEnd);
        loaded = loaded with { Sessions = [.. loaded.Sessions.Where(s => InPeriod(s.Date))], Records = [.. loaded.Records.Where(r => InPeriod(r.Date))] };
        var today = clock.Today;
        var summary = ProgrammeLoading.Summarise(loaded, periodEnd is { } end && end < today ? end : today);
        var records = loaded.Records.OrderBy(r => r.Date).ThenBy(r => r.Sequence ?? int.MaxValue).ToList();
        var rows = records.Select(r => new SessionHistoryRow(r.Sequence, r.Date, r.StartTime, r.Status, r.ScreeningPassed, r.ScreeningReason,
            r.PlannedSpeedKmh, r.PlannedMainMinutes, r.WarmUpMinutes, r.MainMinutes, r.CoolDownMinutes, r.StartSpeedKmh, r.EndSpeedKmh,
            r.Incline, r.InclineUnit, r.Handrail, r.Harness, r.Rpe, r.RestingHeartRate, r.PeakHeartRate, r.HeartRateAfter,
            r.RestingSystolic, r.RestingDiastolic, r.SystolicAfter, r.DiastolicAfter, r.PainBefore, r.PainAfter, r.AdverseEvents, r.Notes)).ToList();
        var events = records.SelectMany(r => r.AdverseEvents.Select(e => new RecordedAdverseEvent(r.Date, r.Sequence, e))).ToList();
        var speeds = records.Where(r => r.Status is SessionStatus.Completed or SessionStatus.Partial && (r.EndSpeedKmh ?? r.StartSpeedKmh) is not null)
            .Select(r => new SpeedPoint(r.Date, r.Sequence, (r.EndSpeedKmh ?? r.StartSpeedKmh)!.Value)).ToList();
        var g = head.Programme;
        return new ProgrammeSessionHistory(g.Id, g.PatientId, head.PatientName, head.RecordNumber, g.ProtocolName, g.ProtocolVersionNumber,
            g.StartDate, unit, head.Definition.Intensity.RpeScale, summary, rows, events, speeds);
    }

    private sealed record Head(Programme Programme, ProtocolDefinition Definition, string PatientName, string RecordNumber,
        DateOnly DateOfBirth, int? RestingHeartRate, bool TakesBetaBlockers);

    private static async Task<Head?> HeadAsync(RetroWalkDbContext db, Guid programmeId, CancellationToken cancellationToken)
    {
        var row = await (
            from g in db.Set<Programme>()
            join p in db.Set<Patient>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]) on g.PatientId equals p.Id
            join v in db.Set<ProtocolVersion>() on g.ProtocolVersionId equals v.Id
            where g.Id == programmeId
            select new { Programme = g, p.GivenName, p.FamilyName, p.RecordNumber, p.DateOfBirth, p.RestingHeartRate, p.TakesBetaBlockers, v.DefinitionJson })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new Head(row.Programme, ProtocolJson.Read(row.DefinitionJson), $"{row.GivenName} {row.FamilyName}",
            row.RecordNumber, row.DateOfBirth, row.RestingHeartRate, row.TakesBetaBlockers);
    }

    private AdherenceSummary Summarise(Loaded loaded) => ProgrammeLoading.Summarise(loaded, clock.Today);

    private async Task<SpeedUnit> SpeedUnitAsync(RetroWalkDbContext db, CancellationToken cancellationToken) =>
        await db.Clinics.Where(c => c.Id == user.ClinicId).Select(c => c.SpeedUnit).SingleAsync(cancellationToken);

    private static async Task<SaveResult?> ExistingByKeyAsync(RetroWalkDbContext db, Guid key, CancellationToken cancellationToken)
    {
        var existing = await db.Set<SessionRecord>().AsNoTracking().Where(r => r.IdempotencyKey == key)
            .Select(r => new { r.Id, r.Version, r.Sequence }).SingleOrDefaultAsync(cancellationToken);
        return existing is null ? null : SaveResult.Saved(existing.Id, existing.Version) with
        {
            Message = $"{(existing.Sequence is { } s ? $"Session {s}" : "This extra session")} was already saved; it was not saved twice.",
        };
    }

    private static SaveResult AlreadyRecorded(int sequence) => new(SaveStatus.Conflict,
        Message: $"Session {sequence} was recorded by someone else after you opened it. Nothing was saved. Reload to see their record, then edit it if needed.");

    private static SaveResult Invalid(string field, string message) =>
        new(SaveStatus.Invalid, Errors: new FieldErrors { { field, message } }, Message: message);

    private static SessionPrescription Prescription(ScheduledSession s) =>
        new(s.SpeedKmh, s.Incline, s.InclineUnit, s.WarmUpMinutes, s.MainMinutes, s.CoolDownMinutes);

    private SessionInput NewInput(PlannedSessionView? planned, ProtocolDefinition definition, SpeedUnit unit)
    {
        var now = clock.Now;
        var today = DateOnly.FromDateTime(now.DateTime);
        var date = planned is null || planned.Date > today ? today : planned.Date;
        var p = planned?.Prescription ?? Prescriptions.For(definition, 1, 1);
        var speed = Math.Round(Units.FromKmh(p.SpeedKmh, unit), unit == SpeedUnit.MetresPerSecond ? 2 : 1, MidpointRounding.AwayFromZero);
        return new SessionInput
        {
            Sequence = planned?.Sequence,
            Date = date,
            StartTime = date == today ? new TimeOnly(now.Hour, now.Minute) : null,
            WarmUpMinutes = p.WarmUpMinutes,
            MainMinutes = p.MainMinutes,
            CoolDownMinutes = p.CoolDownMinutes,
            StartSpeed = speed,
            EndSpeed = speed,
            Incline = p.Incline,
            Handrail = definition.Treadmill.Handrail,
            Harness = definition.Treadmill.BodyWeightSupportHarness,
        };
    }

    private static SessionInput ToInput(SessionRecord r, SpeedUnit unit)
    {
        var events = r.AdverseEvents.ToDictionary(e => e.Type);
        return new SessionInput
        {
            Id = r.Id,
            Version = r.Version,
            IdempotencyKey = r.IdempotencyKey,
            Sequence = r.Sequence,
            Date = r.Date,
            StartTime = r.StartTime,
            Status = r.Status,
            RestingHeartRate = r.RestingHeartRate,
            RestingSystolic = r.RestingSystolic,
            RestingDiastolic = r.RestingDiastolic,
            PainBefore = r.PainBefore,
            WarmUpMinutes = r.WarmUpMinutes,
            MainMinutes = r.MainMinutes,
            CoolDownMinutes = r.CoolDownMinutes,
            StartSpeed = r.StartSpeedKmh is { } s ? Units.FromKmh(s, unit) : null,
            EndSpeed = r.EndSpeedKmh is { } e ? Units.FromKmh(e, unit) : null,
            Incline = r.Incline,
            Handrail = r.Handrail,
            Harness = r.Harness ?? false,
            Rpe = r.Rpe,
            PeakHeartRate = r.PeakHeartRate,
            HeartRateAfter = r.HeartRateAfter,
            SystolicAfter = r.SystolicAfter,
            DiastolicAfter = r.DiastolicAfter,
            PainAfter = r.PainAfter,
            AdverseEvents = [.. Enum.GetValues<AdverseEventType>().Select(t => new AdverseEventInput
            {
                Type = t,
                Occurred = events.ContainsKey(t),
                Note = events.TryGetValue(t, out var ev) ? ev.Note : null,
            })],
            Notes = r.Notes,
        };
    }

    /// <summary>The clinical plausibility rules keyed by the form's fields, plus the form's own rules.</summary>
    private FieldErrors Validate(SessionInput input, ProtocolDefinition definition, DateOnly programmeStart, SpeedUnit unit)
    {
        var errors = new FieldErrors();
        if (input.Date is null)
        {
            errors.Add(nameof(SessionInput.Date), "Enter the session date.");
        }
        var outcome = Outcome(input, unit, definition.Treadmill.InclineUnit) with { Date = input.Date ?? clock.Today };
        foreach (var error in SessionValidation.Validate(outcome, definition.Intensity.RpeScale, programmeStart, clock.Today, formats.Date))
        {
            errors.Add(FieldOf(error.Field), error.Message);
        }
        if (input.StartSpeed is { } start && (Units.ToKmh(start, unit) < 0 || Units.ToKmh(start, unit) > ProtocolLimits.SpeedMaxKmh))
        {
            errors.Add(nameof(SessionInput.StartSpeed), $"Speed must be between 0 and {Units.FormatSpeed(ProtocolLimits.SpeedMaxKmh, unit)}.");
        }
        if (!outcome.IsDelivered && (input.StartSpeed > 0 || input.EndSpeed > 0 || input.Rpe is not null || input.PeakHeartRate is not null))
        {
            errors.Add(nameof(SessionInput.Status), $"A session that is {input.Status.Display().ToLowerInvariant()} cannot have a treadmill speed, RPE or peak heart rate: clear them or change the status.");
        }
        if (ScreeningRules.Screen(input.Screening, definition.Safety.Screening).Refusal(input.Status) is { } refusal)
        {
            errors.Add(nameof(SessionInput.Status), refusal);
        }
        foreach (var ev in input.AdverseEvents.Where(e => e.Occurred && e.Type is AdverseEventType.Other or AdverseEventType.StoppedEarly && string.IsNullOrWhiteSpace(e.Note)))
        {
            errors.Add($"{nameof(SessionInput.AdverseEvents)}.{ev.Type}", ev.Type == AdverseEventType.Other ? "Describe the adverse event." : "Say why the session stopped early.");
        }
        if (input.Notes?.Length > 4000)
        {
            errors.Add(nameof(SessionInput.Notes), "Notes can be at most 4000 characters.");
        }
        return errors;
    }

    private static string FieldOf(string outcomeField) => outcomeField switch
    {
        nameof(SessionOutcome.SpeedKmh) => nameof(SessionInput.EndSpeed),
        nameof(SessionOutcome.PeakSystolic) => nameof(SessionInput.SystolicAfter),
        nameof(SessionOutcome.PeakDiastolic) => nameof(SessionInput.DiastolicAfter),
        nameof(SessionOutcome.PlannedMainMinutes) or nameof(SessionOutcome.PlannedSpeedKmh) => "",
        _ => outcomeField,
    };

    private static SessionOutcome Outcome(SessionInput input, SpeedUnit unit, InclineUnit inclineUnit) => new()
    {
        Sequence = input.Sequence,
        Date = input.Date ?? default,
        Status = input.Status,
        WarmUpMinutes = input.WarmUpMinutes,
        MainMinutes = input.MainMinutes,
        CoolDownMinutes = input.CoolDownMinutes,
        SpeedKmh = input.EndSpeed is { } e ? Units.ToKmh(e, unit) : null,
        Incline = input.Incline,
        InclineUnit = inclineUnit,
        Rpe = input.Rpe,
        RestingHeartRate = input.RestingHeartRate,
        PeakHeartRate = input.PeakHeartRate,
        HeartRateAfter = input.HeartRateAfter,
        RestingSystolic = input.RestingSystolic,
        RestingDiastolic = input.RestingDiastolic,
        PeakSystolic = input.SystolicAfter,
        PeakDiastolic = input.DiastolicAfter,
        PainBefore = input.PainBefore,
        PainAfter = input.PainAfter,
    };

    private static void Apply(SessionRecord r, SessionInput input, SpeedUnit unit, ProtocolDefinition definition, ScreeningResult screening)
    {
        r.Date = input.Date!.Value;
        r.StartTime = input.StartTime;
        r.Status = input.Status;
        r.RestingHeartRate = input.RestingHeartRate;
        r.RestingSystolic = input.RestingSystolic;
        r.RestingDiastolic = input.RestingDiastolic;
        r.PainBefore = input.PainBefore;
        r.ScreeningPassed = screening.SessionMayGoAhead;
        r.ScreeningReason = screening.SessionMayGoAhead ? null : string.Join(" ", screening.Findings.Where(f => f.Blocking).Select(f => f.Message));
        r.WarmUpMinutes = input.WarmUpMinutes;
        r.MainMinutes = input.MainMinutes;
        r.CoolDownMinutes = input.CoolDownMinutes;
        r.StartSpeedKmh = input.StartSpeed is { } s ? Units.ToKmh(s, unit) : null;
        r.EndSpeedKmh = input.EndSpeed is { } e ? Units.ToKmh(e, unit) : null;
        r.Incline = input.Incline;
        r.InclineUnit = definition.Treadmill.InclineUnit;
        r.Handrail = input.Handrail;
        r.Harness = input.Harness;
        r.Rpe = input.Rpe;
        r.PeakHeartRate = input.PeakHeartRate;
        r.HeartRateAfter = input.HeartRateAfter;
        r.SystolicAfter = input.SystolicAfter;
        r.DiastolicAfter = input.DiastolicAfter;
        r.PainAfter = input.PainAfter;
        r.AdverseEvents = input.CheckedEvents;
        r.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
    }

    private static FieldErrors ValidateOverride(DecisionInput input, TreadmillSettings t, SpeedUnit unit)
    {
        var errors = new FieldErrors();
        if (input.Speed is not { } speed || Units.ToKmh(speed, unit) < t.MinSpeedKmh || Units.ToKmh(speed, unit) > t.MaxSpeedKmh)
        {
            errors.Add(nameof(DecisionInput.Speed), $"Enter a speed between {Units.FormatSpeed(t.MinSpeedKmh, unit)} and {Units.FormatSpeed(t.MaxSpeedKmh, unit)} (the protocol's limits).");
        }
        var maxIncline = Math.Max(t.MaxIncline, t.Incline);
        if (input.Incline is not { } incline || incline < 0 || incline > maxIncline)
        {
            errors.Add(nameof(DecisionInput.Incline), $"Enter an incline between {Units.FormatIncline(0, t.InclineUnit)} and {Units.FormatIncline(maxIncline, t.InclineUnit)}.");
        }
        if (input.MainMinutes is not { } minutes || minutes < ProtocolLimits.MainMinutesMin || minutes > SessionValidation.MinutesMax)
        {
            errors.Add(nameof(DecisionInput.MainMinutes), $"Enter between {SessionFormat.N(ProtocolLimits.MainMinutesMin)} and {SessionFormat.N(SessionValidation.MinutesMax)} minutes.");
        }
        if (input.Reason?.Length > 1000)
        {
            errors.Add(nameof(DecisionInput.Reason), "The reason can be at most 1000 characters.");
        }
        return errors;
    }
}
