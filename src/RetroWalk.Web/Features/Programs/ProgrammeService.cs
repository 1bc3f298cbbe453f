using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Scheduling;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Programs;

/// <summary>
/// Programmes: a protocol version assigned to a patient, its dated sessions with their planned dose, and the
/// therapist's changes to the schedule. Every change of a programme or its sessions renews the programme's version,
/// so a change made from a stale page is refused.
/// </summary>
public sealed class ProgrammeService(IDbContextFactory<RetroWalkDbContext> dbFactory, ClinicClock clock, ICurrentUser user, ClinicFormats formats)
{
    public async Task<IReadOnlyList<StaffOption>> ListStaffAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.ClinicId == user.ClinicId && u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new StaffOption(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
    }

    public AssignInput NewAssignInput(Guid patientId) => new()
    {
        PatientId = patientId,
        StartDate = clock.Today,
        TherapistUserId = user.UserId,
    };

    /// <summary>Assigns the protocol's current version and generates the dated sessions with their prescriptions.</summary>
    public Task<SaveResult> AssignAsync(AssignInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => AssignCoreAsync(input, cancellationToken));

    private async Task<SaveResult> AssignCoreAsync(AssignInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Set<Patient>().SingleOrDefaultAsync(p => p.Id == input.PatientId, cancellationToken);
        if (patient is null)
        {
            return SaveResult.NotFound();
        }

        if (await AlreadyOngoingAsync(db, patient, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var found = input.ProtocolId is { } protocolId
            ? await (from p in db.Set<Protocol>()
                     join v in db.Set<ProtocolVersion>() on new { Id = p.Id, Number = p.CurrentVersionNumber } equals new { Id = v.ProtocolId, Number = v.VersionNumber }
                     where p.Id == protocolId
                     select new { Protocol = p, Version = v }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (found is null)
        {
            errors.Add(nameof(AssignInput.ProtocolId), "Choose a protocol.");
        }
        if (input.StartDate is null)
        {
            errors.Add(nameof(AssignInput.StartDate), "Choose the start date.");
        }
        var therapist = input.TherapistUserId is { Length: > 0 } therapistId
            ? await db.Users.Where(u => u.Id == therapistId && u.ClinicId == user.ClinicId && u.IsActive)
                .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (therapist is null)
        {
            errors.Add(nameof(AssignInput.TherapistUserId), "Choose the responsible therapist.");
        }
        if (found is null || input.StartDate is not { } start || therapist is null)
        {
            return SaveResult.Invalid(errors);
        }

        var definition = found.Version.Definition;
        var schedule = Schedules.Assign(definition, start, input.TrainingDays);
        if (!schedule.Succeeded)
        {
            foreach (var error in schedule.Errors)
            {
                errors.Add(error.Field == ProtocolFields.TrainingDays ? nameof(AssignInput.TrainingDays) : "", error.Message);
            }
            return SaveResult.Invalid(errors);
        }

        IReadOnlyCollection<DayOfWeek> days = input.TrainingDays.Count > 0 ? input.TrainingDays : Schedules.DefaultTrainingDays(definition.Course.SessionsPerWeek);
        var programme = new Programme
        {
            ClinicId = user.ClinicId,
            PatientId = patient.Id,
            ProtocolId = found.Protocol.Id,
            ProtocolVersionId = found.Version.Id,
            ProtocolName = found.Protocol.Name,
            ProtocolVersionNumber = found.Version.VersionNumber,
            TherapistUserId = therapist.Id,
            TherapistName = therapist.DisplayName,
            StartDate = start,
            TrainingDays = ProgrammeStatuses.ToWeekdays(days),
            Status = start > clock.Today ? ProgrammeStatus.Planned : ProgrammeStatus.Active,
        };
        db.Set<Programme>().Add(programme);
        foreach (var (session, prescription) in Prescriptions.ForSchedule(definition, schedule.Sessions))
        {
            db.Set<ScheduledSession>().Add(NewSession(programme, session, prescription));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Database.IsUniqueViolation(ex))
        {
            // Another assignment for this patient was saved between the check above and this save.
            db.ChangeTracker.Clear();
            if (await AlreadyOngoingAsync(db, patient, cancellationToken) is { } lostRace)
            {
                return lostRace;
            }
            throw;
        }
        var sessions = schedule.Sessions;
        return SaveResult.Saved(programme.Id, programme.Version) with
        {
            Message = $"{sessions.Count} sessions planned from {formats.Date(sessions[0].Date)} to {formats.Date(sessions[^1].Date)}.",
        };
    }

    /// <summary>A refusal naming the patient's ongoing programme, or null when there is none.</summary>
    private async Task<SaveResult?> AlreadyOngoingAsync(RetroWalkDbContext db, Patient patient, CancellationToken cancellationToken)
    {
        var ongoing = await db.Set<Programme>()
            .Where(g => g.PatientId == patient.Id && ProgrammeStatuses.Ongoing.Contains(g.Status))
            .Select(g => new { g.ProtocolName, g.StartDate, g.Status }).FirstOrDefaultAsync(cancellationToken);
        if (ongoing is null)
        {
            return null;
        }
        var status = ProgrammeStatuses.Effective(ongoing.Status, ongoing.StartDate, clock.Today).Display().ToLowerInvariant();
        var message = $"{patient.FullName} already has a {status} programme ({ongoing.ProtocolName}, starting {formats.Date(ongoing.StartDate)}). "
            + "A patient can have only one programme at a time: complete or discontinue it first.";
        return SaveResult.Invalid(new FieldErrors { { "", message } }) with { Message = message };
    }

    public async Task<IReadOnlyList<ProgrammeListItem>> ListForPatientAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        var rows = await db.Set<Programme>().Where(g => g.PatientId == patientId).OrderByDescending(g => g.StartDate)
            .Select(g => new
            {
                g.Id, g.ProtocolName, g.ProtocolVersionNumber, g.StartDate, g.TrainingDays, g.Status, g.TherapistName,
                Planned = db.Set<ScheduledSession>().Count(s => s.ProgrammeId == g.Id && s.Status == ScheduledSessionStatus.Planned),
                Next = db.Set<ScheduledSession>().Where(s => s.ProgrammeId == g.Id && s.Status == ScheduledSessionStatus.Planned && s.Date >= today)
                    .Min(s => (DateOnly?)s.Date),
            }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ProgrammeListItem(r.Id, r.ProtocolName, r.ProtocolVersionNumber, r.StartDate, r.TrainingDays,
            ProgrammeStatuses.Effective(r.Status, r.StartDate, today), r.TherapistName, r.Planned, r.Status.IsOngoing() ? r.Next : null))];
    }

    public async Task<ProgrammeDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await (
            from g in db.Set<Programme>()
            join p in db.Set<Patient>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]) on g.PatientId equals p.Id
            join v in db.Set<ProtocolVersion>() on g.ProtocolVersionId equals v.Id
            join pr in db.Set<Protocol>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]) on g.ProtocolId equals pr.Id
            where g.Id == id
            select new { Programme = g, PatientName = p.GivenName + " " + p.FamilyName, p.RecordNumber, v.DefinitionJson, pr.CurrentVersionNumber })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var unit = await db.Clinics.Where(c => c.Id == user.ClinicId).Select(c => c.SpeedUnit).SingleAsync(cancellationToken);
        var m = row.Programme;
        return new ProgrammeDetails(m.Id, m.PatientId, row.PatientName, row.RecordNumber, m.ProtocolId, m.ProtocolName,
            m.ProtocolVersionNumber, row.CurrentVersionNumber, m.TherapistUserId, m.TherapistName, m.StartDate, m.TrainingDays,
            ProgrammeStatuses.Effective(m.Status, m.StartDate, clock.Today), m.PausedFrom, m.DiscontinuedReason, m.EndedOn, m.Version,
            ProtocolJson.Read(row.DefinitionJson).InUnit(unit), unit, await ScheduleAsync(db, id, cancellationToken), clock.Today);
    }

    /// <summary>A programme's sessions in date order, each with its planned dose (cancelled ones included, marked).</summary>
    public async Task<IReadOnlyList<ScheduledSessionItem>> GetScheduleAsync(Guid programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ScheduleAsync(db, programmeId, cancellationToken);
    }

    private static async Task<IReadOnlyList<ScheduledSessionItem>> ScheduleAsync(RetroWalkDbContext db, Guid programmeId, CancellationToken cancellationToken)
    {
        var sessions = await db.Set<ScheduledSession>().AsNoTracking().Where(s => s.ProgrammeId == programmeId)
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence).ToListAsync(cancellationToken);
        return [.. sessions.Select(ToItem)];
    }

    /// <summary>Planned sessions from Monday to Sunday of this week in the ongoing programmes the signed-in therapist is responsible for.</summary>
    public async Task<IReadOnlyList<WeekSession>> ThisWeekForMeAsync(CancellationToken cancellationToken = default)
    {
        var monday = clock.StartOfWeek;
        var sunday = monday.AddDays(6);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from s in db.Set<ScheduledSession>()
            join g in db.Set<Programme>() on s.ProgrammeId equals g.Id
            join p in db.Set<Patient>() on g.PatientId equals p.Id
            where g.TherapistUserId == user.UserId && ProgrammeStatuses.Ongoing.Contains(g.Status)
                && s.Status == ScheduledSessionStatus.Planned && s.Date >= monday && s.Date <= sunday
                && (g.PausedFrom == null || s.Date < g.PausedFrom)
            orderby s.Date, p.FamilyName
            select new
            {
                Session = s, g.PatientId, PatientName = p.GivenName + " " + p.FamilyName, p.RecordNumber, g.ProtocolName,
                Total = db.Set<ScheduledSession>().Count(x => x.ProgrammeId == g.Id && x.Status != ScheduledSessionStatus.Cancelled),
            }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(r => new WeekSession(r.Session.Id, r.Session.ProgrammeId, r.PatientId, r.PatientName, r.RecordNumber,
            r.ProtocolName, r.Session.Sequence, r.Total, r.Session.Date, r.Session.Week, r.Session.IsMakeUp, ToItem(r.Session).Prescription))];
    }

    public Task<SaveResult> MoveSessionAsync(Guid id, Guid version, int sequence, DateOnly newDate, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => MoveSessionCoreAsync(id, version, sequence, newDate, cancellationToken));

    private async Task<SaveResult> MoveSessionCoreAsync(Guid id, Guid version, int sequence, DateOnly newDate, CancellationToken cancellationToken) =>
        await RecordedRefusalAsync(id, sequence, "moved", cancellationToken) ?? await ChangeAsync(id, version, (programme, sessions, definition) =>
        {
            if (newDate < programme.StartDate)
            {
                return $"A session cannot move before the programme starts ({formats.Date(programme.StartDate)}).";
            }
            if (sessions.FirstOrDefault(s => s.Sequence == sequence) is not { Status: ScheduledSessionStatus.Planned })
            {
                return $"Session {sequence} is not a planned session.";
            }
            return Apply(programme, sessions, definition, Schedules.Move(Planned(sessions), sequence, newDate, formats.Date));
        }, $"Session {sequence} moved to {formats.Date(newDate)}.", cancellationToken);

    public Task<SaveResult> CancelSessionAsync(Guid id, Guid version, int sequence, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => CancelSessionCoreAsync(id, version, sequence, cancellationToken));

    private async Task<SaveResult> CancelSessionCoreAsync(Guid id, Guid version, int sequence, CancellationToken cancellationToken) =>
        await RecordedRefusalAsync(id, sequence, "cancelled", cancellationToken) ?? await ChangeAsync(id, version, (programme, sessions, definition) =>
            sessions.FirstOrDefault(s => s.Sequence == sequence) is not { Status: ScheduledSessionStatus.Planned }
                ? $"Session {sequence} is not a planned session."
                : Apply(programme, sessions, definition, Schedules.Cancel(Planned(sessions), sequence)),
            $"Session {sequence} cancelled.", cancellationToken);

    public Task<SaveResult> AddMakeUpAsync(Guid id, Guid version, DateOnly date, int? replacesSequence, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, (programme, sessions, definition) =>
        {
            if (date < programme.StartDate)
            {
                return $"A make-up session cannot be before the programme starts ({formats.Date(programme.StartDate)}).";
            }
            var planned = Planned(sessions);
            var known = planned.Select(s => s.Sequence).ToHashSet();
            // The session made up for is usually cancelled (not in the plan): it still gives the make-up its week and dose.
            var original = replacesSequence is { } replaced && !known.Contains(replaced)
                ? sessions.FirstOrDefault(s => s.Sequence == replaced)
                : null;
            if (replacesSequence is not null && !known.Contains(replacesSequence.Value) && original is null)
            {
                return $"There is no session {replacesSequence}.";
            }
            var change = Schedules.AddMakeUp(planned, date, original is null ? replacesSequence : null, formats.Date);
            if (change.Succeeded)
            {
                // Sequences are never reused, cancelled sessions included.
                var next = sessions.Max(s => s.Sequence) + 1;
                change = change with
                {
                    Sessions = [.. change.Sessions.Select(s => known.Contains(s.Sequence) ? s
                        : original is null ? s with { Sequence = next }
                        : s with { Sequence = next, Week = original.Week, DoseSequence = original.DoseSequence, ReplacesSequence = original.Sequence })],
                };
            }
            return Apply(programme, sessions, definition, change);
        }, $"Make-up session added on {formats.Date(date)}.", cancellationToken);

    /// <summary>Pauses from <paramref name="from"/>: no sessions from that day until the programme is resumed.</summary>
    public Task<SaveResult> PauseAsync(Guid id, Guid version, DateOnly from, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, (programme, _, _) =>
        {
            if (programme.Status is not (ProgrammeStatus.Planned or ProgrammeStatus.Active))
            {
                return "Only a planned or active programme can be paused.";
            }
            programme.Status = ProgrammeStatus.Paused;
            programme.PausedFrom = from;
            return null;
        }, $"Programme paused from {formats.Date(from)}. Resume it to move the remaining sessions.", cancellationToken);

    /// <summary>Resumes on <paramref name="resumeOn"/>: the planned sessions from the pause date on move, in order, to the next training days.</summary>
    public Task<SaveResult> ResumeAsync(Guid id, Guid version, DateOnly resumeOn, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, (programme, sessions, definition) =>
        {
            if (programme.Status != ProgrammeStatus.Paused || programme.PausedFrom is not { } pausedFrom)
            {
                return "The programme is not paused.";
            }
            var change = Schedules.Pause(Planned(sessions), ProgrammeStatuses.ToDays(programme.TrainingDays), pausedFrom, resumeOn);
            if (Apply(programme, sessions, definition, change) is { } error)
            {
                return error;
            }
            programme.Status = programme.StartDate > clock.Today ? ProgrammeStatus.Planned : ProgrammeStatus.Active;
            programme.PausedFrom = null;
            return null;
        }, $"Programme resumed on {formats.Date(resumeOn)}; the remaining sessions moved to the next training days.", cancellationToken);

    public Task<SaveResult> CompleteAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, (programme, sessions, _) => End(programme, sessions, ProgrammeStatus.Completed, null),
            "Programme marked completed.", cancellationToken);

    public Task<SaveResult> DiscontinueAsync(Guid id, Guid version, string? reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Task.FromResult(SaveResult.Invalid(new FieldErrors { { "Reason", "Enter the reason for discontinuing." } }));
        }
        if (reason.Trim().Length > 1000)
        {
            return Task.FromResult(SaveResult.Invalid(new FieldErrors { { "Reason", "Use at most 1000 characters." } }));
        }
        return ChangeAsync(id, version, (programme, sessions, _) => End(programme, sessions, ProgrammeStatus.Discontinued, reason.Trim()),
            "Programme discontinued.", cancellationToken);
    }

    private string? End(Programme programme, List<ScheduledSession> sessions, ProgrammeStatus status, string? reason)
    {
        if (!programme.Status.IsOngoing())
        {
            return "The programme has already ended.";
        }
        programme.Status = status;
        programme.DiscontinuedReason = reason;
        var today = clock.Today;
        programme.EndedOn = today;
        programme.PausedFrom = null;
        // Sessions after the end are taken out of the plan (kept, marked cancelled).
        foreach (var session in sessions.Where(s => ProgrammeStatuses.CancelledOnEnd(s.Status, s.Date, today)))
        {
            session.Status = ScheduledSessionStatus.Cancelled;
        }
        return null;
    }

    /// <summary>A session that already has a session record keeps its date and stays planned: the record is the truth.</summary>
    private async Task<SaveResult?> RecordedRefusalAsync(Guid id, int sequence, string change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<Sessions.SessionRecord>().AnyAsync(r => r.ProgrammeId == id && r.Sequence == sequence, cancellationToken))
        {
            return null;
        }
        var message = $"Session {sequence} has already been recorded, so it cannot be {change}. Edit its session record instead.";
        return new SaveResult(SaveStatus.Invalid, Errors: new FieldErrors { { "", message } }, Message: message);
    }

    private Task<SaveResult> ChangeAsync(
        Guid id, Guid version, Func<Programme, List<ScheduledSession>, ProtocolDefinition, string?> change, string done,
        CancellationToken cancellationToken) =>
        DatabaseOutage.GuardAsync(() => ChangeCoreAsync(id, version, change, done, cancellationToken));

    private async Task<SaveResult> ChangeCoreAsync(
        Guid id, Guid version, Func<Programme, List<ScheduledSession>, ProtocolDefinition, string?> change, string done,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = await db.Set<Programme>().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (programme is null)
        {
            return SaveResult.NotFound();
        }
        if (programme.Version != version)
        {
            return SaveResult.Conflict("programme");
        }
        db.Entry(programme).Property(g => g.Version).OriginalValue = version;
        var sessions = await db.Set<ScheduledSession>().Where(s => s.ProgrammeId == id).ToListAsync(cancellationToken);
        var definition = ProtocolJson.Read(await db.Set<ProtocolVersion>().Where(v => v.Id == programme.ProtocolVersionId)
            .Select(v => v.DefinitionJson).SingleAsync(cancellationToken));
        var wasOngoing = programme.Status.IsOngoing();
        if (!wasOngoing)
        {
            return new SaveResult(SaveStatus.Invalid, Message: "This programme has ended; its schedule can no longer change.");
        }
        if (change(programme, sessions, definition) is { } error)
        {
            return new SaveResult(SaveStatus.Invalid, Errors: new FieldErrors { { "", error } }, Message: error);
        }
        foreach (var session in sessions.Where(s => db.Entry(s).State == EntityState.Detached))
        {
            db.Set<ScheduledSession>().Add(session);
        }
        // Renewed on every change, even when only sessions changed, so a change from a stale page is refused.
        programme.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException u && Database.IsUniqueViolation(u)))
        {
            return SaveResult.Conflict("programme");
        }
        return SaveResult.Saved(programme.Id, programme.Version) with { Message = done };
    }

    private static List<PlannedSession> Planned(List<ScheduledSession> sessions) =>
        [.. sessions.Where(s => s.Status == ScheduledSessionStatus.Planned).OrderBy(s => s.Date).ThenBy(s => s.Sequence).Select(s => s.ToPlanned())];

    /// <summary>Writes a schedule change back: dates of kept sessions, new make-ups, and removed sessions marked cancelled.</summary>
    private static string? Apply(Programme programme, List<ScheduledSession> sessions, ProtocolDefinition definition, ScheduleChange change)
    {
        if (!change.Succeeded)
        {
            return change.Error;
        }
        var bySequence = sessions.ToDictionary(s => s.Sequence);
        var kept = change.Sessions.Select(s => s.Sequence).ToHashSet();
        foreach (var planned in change.Sessions)
        {
            if (bySequence.TryGetValue(planned.Sequence, out var existing))
            {
                existing.Date = planned.Date;
            }
            else
            {
                var added = NewSession(programme, planned, Prescriptions.For(definition, planned));
                sessions.Add(added);
                bySequence[planned.Sequence] = added;
            }
        }
        foreach (var session in sessions.Where(s => s.Status == ScheduledSessionStatus.Planned && !kept.Contains(s.Sequence)))
        {
            session.Status = ScheduledSessionStatus.Cancelled;
        }
        return null;
    }

    internal static ScheduledSession NewSession(Programme programme, PlannedSession session, SessionPrescription prescription) => new()
    {
        ClinicId = programme.ClinicId,
        ProgrammeId = programme.Id,
        Sequence = session.Sequence,
        Date = session.Date,
        Week = session.Week,
        DoseSequence = session.DoseSequence,
        IsMakeUp = session.IsMakeUp,
        ReplacesSequence = session.ReplacesSequence,
        SpeedKmh = prescription.SpeedKmh,
        Incline = prescription.Incline,
        InclineUnit = prescription.InclineUnit,
        WarmUpMinutes = prescription.WarmUpMinutes,
        MainMinutes = prescription.MainMinutes,
        CoolDownMinutes = prescription.CoolDownMinutes,
    };

    private static ScheduledSessionItem ToItem(ScheduledSession s) => new(
        s.Id, s.Sequence, s.Date, s.Week, s.DoseSequence, s.IsMakeUp, s.ReplacesSequence, s.Status,
        new SessionPrescription(s.SpeedKmh, s.Incline, s.InclineUnit, s.WarmUpMinutes, s.MainMinutes, s.CoolDownMinutes));
}
