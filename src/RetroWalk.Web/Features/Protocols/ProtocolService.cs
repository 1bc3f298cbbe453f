using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Protocols;

public enum ProtocolSort
{
    Name,
    Indication,
    Programmes,
    LastUpdated,
}

public sealed record ProtocolQuery(ProtocolSort Sort = ProtocolSort.Name, bool Descending = false, int Skip = 0, int Take = 20);

public sealed record ProtocolListItem(
    Guid Id, string Name, Condition? Indication, string Summary, int CurrentVersionNumber, int ProgrammeCount,
    string? SourceTemplateKey, DateTimeOffset UpdatedAt);

/// <summary>A programme that uses a protocol version.</summary>
public sealed record ProgrammeUse(Guid ProgrammeId, Guid PatientId, string PatientName, string RecordNumber, DateOnly StartDate, ProgrammeStatus Status);

public sealed record ProtocolVersionUsage(int VersionNumber, DateTimeOffset CreatedAt, string CreatedBy, IReadOnlyList<ProgrammeUse> Programmes);

public sealed record ProtocolDetails(
    Guid Id, string Name, int CurrentVersionNumber, ProtocolDefinition Definition, SpeedUnit SpeedUnit,
    string? SourceTemplateKey, bool IsArchived, Guid Version, IReadOnlyList<ProtocolVersionUsage> Versions)
{
    public bool CurrentVersionInUse => Versions.Any(v => v.VersionNumber == CurrentVersionNumber && v.Programmes.Count > 0);
}

/// <summary>A protocol's current version, offered when assigning.</summary>
public sealed record AssignableProtocol(Guid ProtocolId, Guid VersionId, int VersionNumber, string Name, ProtocolDefinition Definition);

public sealed class ProtocolService(IDbContextFactory<RetroWalkDbContext> dbFactory, ClinicClock clock, ICurrentUser user)
{
    public async Task<SpeedUnit> SpeedUnitAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SpeedUnitAsync(db, cancellationToken);
    }

    private async Task<SpeedUnit> SpeedUnitAsync(RetroWalkDbContext db, CancellationToken cancellationToken) =>
        await db.Clinics.Where(c => c.Id == user.ClinicId).Select(c => (SpeedUnit?)c.SpeedUnit).SingleOrDefaultAsync(cancellationToken)
        ?? SpeedUnit.KilometresPerHour;

    public async Task<IReadOnlyList<ProtocolListItem>> ListAsync(CancellationToken cancellationToken = default) =>
        (await PageAsync(new ProtocolQuery(Take: int.MaxValue), cancellationToken)).Items;

    /// <summary>One page of the clinic's protocols, sorted on the server.</summary>
    public async Task<PagedResult<ProtocolListItem>> PageAsync(ProtocolQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var protocols = db.Set<Protocol>();
        var total = await protocols.CountAsync(cancellationToken);
        var sorted = (query.Sort, query.Descending) switch
        {
            (ProtocolSort.Indication, false) => protocols.OrderBy(p => p.Indication).ThenBy(p => p.Name),
            (ProtocolSort.Indication, true) => protocols.OrderByDescending(p => p.Indication).ThenBy(p => p.Name),
            (ProtocolSort.Programmes, false) => protocols.OrderBy(p => db.Set<Programme>().Count(g => g.ProtocolId == p.Id)).ThenBy(p => p.Name),
            (ProtocolSort.Programmes, true) => protocols.OrderByDescending(p => db.Set<Programme>().Count(g => g.ProtocolId == p.Id)).ThenBy(p => p.Name),
            (ProtocolSort.LastUpdated, false) => protocols.OrderBy(p => p.UpdatedAt),
            (ProtocolSort.LastUpdated, true) => protocols.OrderByDescending(p => p.UpdatedAt),
            (_, false) => protocols.OrderBy(p => p.Name),
            (_, true) => protocols.OrderByDescending(p => p.Name),
        };
        var rows = await sorted.ThenBy(p => p.Id).Skip(Math.Max(0, query.Skip)).Take(Math.Max(1, query.Take))
            .Select(p => new
            {
                p.Id, p.Name, p.Indication, p.CurrentVersionNumber, p.SourceTemplateKey, p.UpdatedAt,
                DefinitionJson = db.Set<ProtocolVersion>().Where(v => v.ProtocolId == p.Id && v.VersionNumber == p.CurrentVersionNumber)
                    .Select(v => v.DefinitionJson).First(),
                Programmes = db.Set<Programme>().Count(g => g.ProtocolId == p.Id),
            }).ToListAsync(cancellationToken);
        return new PagedResult<ProtocolListItem>(
            [.. rows.Select(r => new ProtocolListItem(r.Id, r.Name, r.Indication, ProtocolSummary.Line(ProtocolJson.Read(r.DefinitionJson)),
                r.CurrentVersionNumber, r.Programmes, r.SourceTemplateKey, r.UpdatedAt))],
            total);
    }

    /// <summary>A protocol of the user's clinic with its current definition and which programmes use which version.</summary>
    public async Task<ProtocolDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var protocol = await db.Set<Protocol>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]).AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (protocol is null)
        {
            return null;
        }
        var versions = await db.Set<ProtocolVersion>().AsNoTracking().Where(v => v.ProtocolId == id)
            .OrderByDescending(v => v.VersionNumber).ToListAsync(cancellationToken);
        var uses = await (
            from g in db.Set<Programme>()
            join pt in db.Set<Patient>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]) on g.PatientId equals pt.Id
            where g.ProtocolId == id
            orderby g.StartDate descending
            select new { g.ProtocolVersionId, Use = new ProgrammeUse(g.Id, pt.Id, pt.GivenName + " " + pt.FamilyName, pt.RecordNumber, g.StartDate, g.Status) })
            .ToListAsync(cancellationToken);
        var today = clock.Today;
        var unit = await SpeedUnitAsync(db, cancellationToken);
        var current = versions.Single(v => v.VersionNumber == protocol.CurrentVersionNumber);
        return new ProtocolDetails(protocol.Id, protocol.Name, protocol.CurrentVersionNumber, current.Definition.InUnit(unit), unit,
            protocol.SourceTemplateKey, protocol.ArchivedAt is not null, protocol.Version,
            [.. versions.Select(v => new ProtocolVersionUsage(v.VersionNumber, v.CreatedAt, v.CreatedBy,
                [.. uses.Where(u => u.ProtocolVersionId == v.Id)
                    .Select(u => u.Use with { Status = ProgrammeStatuses.Effective(u.Use.Status, u.Use.StartDate, today) })]))]);
    }

    public async Task<ProtocolInput> NewInputAsync(CancellationToken cancellationToken = default)
    {
        var unit = await SpeedUnitAsync(cancellationToken);
        var input = ProtocolMapping.ToInput(new ProtocolDefinition
        {
            Session = new SessionStructure { WarmUpMinutes = 5m, MainMinutes = 30m, CoolDownMinutes = 5m },
            Outcomes = [new(AssessmentPoint.Baseline, null, ["BBS", "TUG"]), new(AssessmentPoint.End, null, ["BBS", "TUG"])],
        }, unit);
        return input;
    }

    public async Task<ProtocolInput?> GetForEditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var details = await GetAsync(id, cancellationToken);
        return details is null || details.IsArchived ? null : ProtocolMapping.ToInput(details.Definition, details.SpeedUnit, details.Version);
    }

    public async Task<IReadOnlyList<AssignableProtocol>> ListAssignableAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from p in db.Set<Protocol>()
            join v in db.Set<ProtocolVersion>() on new { Id = p.Id, Number = p.CurrentVersionNumber } equals new { Id = v.ProtocolId, Number = v.VersionNumber }
            orderby p.Name
            select new { p.Id, VersionId = v.Id, v.VersionNumber, p.Name, v.DefinitionJson }).ToListAsync(cancellationToken);
        var unit = await SpeedUnitAsync(db, cancellationToken);
        return [.. rows.Select(r => new AssignableProtocol(r.Id, r.VersionId, r.VersionNumber, r.Name, ProtocolJson.Read(r.DefinitionJson).InUnit(unit)))];
    }

    /// <summary>Copies a built-in template into a new, editable protocol of the clinic (version 1).</summary>
    public Task<SaveResult> CloneTemplateAsync(string templateKey, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => CloneTemplateCoreAsync(templateKey, cancellationToken));

    private async Task<SaveResult> CloneTemplateCoreAsync(string templateKey, CancellationToken cancellationToken)
    {
        if (ProtocolTemplates.Find(templateKey) is not { } template)
        {
            return SaveResult.NotFound();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await SpeedUnitAsync(db, cancellationToken);
        var names = await db.Set<Protocol>().Where(p => p.Name.StartsWith(template.Name)).Select(p => p.Name).ToListAsync(cancellationToken);
        var name = template.Name;
        for (var n = 2; names.Contains(name); n++)
        {
            name = $"{template.Name} ({n})";
        }
        var definition = template.InUnit(unit) with { Key = "", Name = name };
        var protocol = Add(db, definition);
        protocol.SourceTemplateKey = template.Key;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(protocol.Id, protocol.Version) with { Message = $"Created “{name}” from the template. Adjust it to your clinic, then assign it." };
    }

    public Task<SaveResult> CreateAsync(ProtocolInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => CreateCoreAsync(input, cancellationToken));

    private async Task<SaveResult> CreateCoreAsync(ProtocolInput input, CancellationToken cancellationToken)
    {
        var (errors, definition) = ProtocolMapping.Validate(input);
        if (definition is null)
        {
            return SaveResult.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var protocol = Add(db, definition);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(protocol.Id, protocol.Version) with { Message = "Protocol created as version 1." };
    }

    /// <summary>
    /// Saves an edit. When any programme uses the current version, the edit becomes the next version and those
    /// programmes keep theirs; otherwise the current version is updated in place. The message says which.
    /// </summary>
    public Task<SaveResult> UpdateAsync(Guid id, ProtocolInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => UpdateCoreAsync(id, input, cancellationToken));

    private async Task<SaveResult> UpdateCoreAsync(Guid id, ProtocolInput input, CancellationToken cancellationToken)
    {
        var (errors, definition) = ProtocolMapping.Validate(input);
        if (definition is null)
        {
            return SaveResult.Invalid(errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var protocol = await db.Set<Protocol>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (protocol is null)
        {
            return SaveResult.NotFound();
        }
        db.Entry(protocol).Property(p => p.Version).OriginalValue = input.Version;
        var current = await db.Set<ProtocolVersion>()
            .SingleAsync(v => v.ProtocolId == id && v.VersionNumber == protocol.CurrentVersionNumber, cancellationToken);
        var inUse = await db.Set<Programme>().CountAsync(g => g.ProtocolVersionId == current.Id, cancellationToken);

        string message;
        if (current.DefinitionJson == ProtocolJson.Write(definition))
        {
            message = "No changes to save.";
        }
        else if (inUse > 0)
        {
            db.Set<ProtocolVersion>().Add(new ProtocolVersion
            {
                ClinicId = protocol.ClinicId,
                ProtocolId = protocol.Id,
                VersionNumber = current.VersionNumber + 1,
                Definition = definition,
            });
            protocol.CurrentVersionNumber = current.VersionNumber + 1;
            message = $"Saved as version {protocol.CurrentVersionNumber}. The {inUse} programme{(inUse == 1 ? "" : "s")} on version {current.VersionNumber} keep{(inUse == 1 ? "s" : "")} it unchanged.";
        }
        else
        {
            current.Definition = definition;
            message = $"Version {current.VersionNumber} updated in place: no programme uses it yet.";
        }
        protocol.Name = definition.Name;
        protocol.Indication = definition.Indication;
        // Renewed on every save, even when only the version row changed, so a second stale form is refused.
        protocol.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException u && Database.IsUniqueViolation(u)))
        {
            return SaveResult.Conflict("protocol");
        }
        return SaveResult.Saved(protocol.Id, protocol.Version) with { Message = message };
    }

    public Task<SaveResult> ArchiveAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => ArchiveCoreAsync(id, version, cancellationToken));

    private async Task<SaveResult> ArchiveCoreAsync(Guid id, Guid version, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var protocol = await db.Set<Protocol>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (protocol is null)
        {
            return SaveResult.NotFound();
        }
        db.Entry(protocol).Property(p => p.Version).OriginalValue = version;
        protocol.ArchivedAt = clock.UtcNow;
        protocol.ArchivedBy = user.UserName;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict("protocol");
        }
        return SaveResult.Saved(protocol.Id, protocol.Version) with { Message = "Protocol archived. Programmes already assigned keep running on their version." };
    }

    private Protocol Add(RetroWalkDbContext db, ProtocolDefinition definition)
    {
        var protocol = new Protocol { ClinicId = user.ClinicId, Name = definition.Name, Indication = definition.Indication };
        db.Set<Protocol>().Add(protocol);
        db.Set<ProtocolVersion>().Add(new ProtocolVersion
        {
            ClinicId = user.ClinicId,
            ProtocolId = protocol.Id,
            VersionNumber = 1,
            Definition = definition,
        });
        return protocol;
    }
}
