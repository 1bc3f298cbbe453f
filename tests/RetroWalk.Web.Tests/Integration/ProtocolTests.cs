using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

public sealed class ProtocolTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CloningATemplateCreatesAnEditableClinicProtocolWithItsCitation()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var protocols = scope.ServiceProvider.GetRequiredService<ProtocolService>();

        var first = await protocols.CloneTemplateAsync(ProtocolTemplates.ChronicStroke4WeeksKey, Token);
        var second = await protocols.CloneTemplateAsync(ProtocolTemplates.ChronicStroke4WeeksKey, Token);

        var details = (await protocols.GetAsync(first.Id, Token))!;
        Assert.Equal("Chronic stroke, 4 weeks", details.Name);
        Assert.Equal(1, details.CurrentVersionNumber);
        Assert.Equal("Chang 2021, Int J Environ Res Public Health 18(5):2376.", details.Definition.Source);
        Assert.Equal("", details.Definition.Key);
        Assert.Equal(ProtocolTemplates.ChronicStroke4WeeksKey, details.SourceTemplateKey);
        Assert.Equal("Chronic stroke, 4 weeks (2)", (await protocols.GetAsync(second.Id, Token))!.Name);
        var listed = (await protocols.ListAsync(Token)).First(p => p.Id == first.Id);
        Assert.Equal("30 min · 3×/week · 4 weeks · 12 sessions", listed.Summary);
    }

    [Fact]
    public async Task TheProtocolListIsPagedAndSortedOnTheServer()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var protocols = scope.ServiceProvider.GetRequiredService<ProtocolService>();
        foreach (var name in new[] { "Beta ramp", "Alpha stroke", "Gamma knee" })
        {
            Assert.True((await protocols.CreateAsync(Valid(name), Token)).Succeeded);
        }
        await scope.ServiceProvider.GetRequiredService<ProgrammeService>()
            .AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday()), Token);

        var first = await protocols.PageAsync(new ProtocolQuery(ProtocolSort.Name, Descending: false, Skip: 0, Take: 2), Token);
        var second = await protocols.PageAsync(new ProtocolQuery(ProtocolSort.Name, Descending: false, Skip: 2, Take: 2), Token);
        var descending = await protocols.PageAsync(new ProtocolQuery(ProtocolSort.Name, Descending: true, Take: 10), Token);
        var mostUsed = await protocols.PageAsync(new ProtocolQuery(ProtocolSort.Programmes, Descending: true, Take: 1), Token);

        Assert.Equal(4, first.TotalCount);
        Assert.Equal(["Alpha stroke", "Beta ramp"], first.Items.Select(p => p.Name));
        Assert.Equal(["Chronic stroke, 4 weeks", "Gamma knee"], second.Items.Select(p => p.Name));
        Assert.Equal(["Gamma knee", "Chronic stroke, 4 weeks", "Beta ramp", "Alpha stroke"], descending.Items.Select(p => p.Name));
        Assert.Equal(("Chronic stroke, 4 weeks", 1), (Assert.Single(mostUsed.Items).Name, mostUsed.Items[0].ProgrammeCount));
    }

    [Fact]
    public async Task EditingAnUnassignedProtocolUpdatesItsVersionInPlace()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var protocols = scope.ServiceProvider.GetRequiredService<ProtocolService>();
        var created = await protocols.CreateAsync(Valid("Own protocol"), Token);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors?.SelectMany(e => e.Value) ?? []));

        var input = (await protocols.GetForEditAsync(created.Id, Token))!;
        input.MainMinutes = 25m;
        var saved = await protocols.UpdateAsync(created.Id, input, Token);

        Assert.True(saved.Succeeded);
        Assert.Contains("updated in place", saved.Message, StringComparison.Ordinal);
        var details = (await protocols.GetAsync(created.Id, Token))!;
        Assert.Equal(1, details.CurrentVersionNumber);
        Assert.Equal(25m, details.Definition.Session.MainMinutes);
        Assert.Single(details.Versions);
    }

    [Fact]
    public async Task EditingAnAssignedProtocolMakesANewVersionAndLeavesTheProgrammeAndItsSessionsUntouched()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var protocols = scope.ServiceProvider.GetRequiredService<ProtocolService>();
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday()), Token);
        Assert.True(assigned.Succeeded);
        var before = await programmes.GetScheduleAsync(assigned.Id, Token);

        var input = (await protocols.GetForEditAsync(setup.ProtocolId, Token))!;
        input.MainMinutes = 20m;
        input.StartSpeed.Value = 1.5m;
        var saved = await protocols.UpdateAsync(setup.ProtocolId, input, Token);

        Assert.True(saved.Succeeded);
        Assert.Equal("Saved as version 2. The 1 programme on version 1 keeps it unchanged.", saved.Message);
        var details = (await protocols.GetAsync(setup.ProtocolId, Token))!;
        Assert.Equal(2, details.CurrentVersionNumber);
        Assert.Equal(20m, details.Definition.Session.MainMinutes);
        Assert.Equal([2, 1], details.Versions.Select(v => v.VersionNumber));
        Assert.Empty(details.Versions[0].Programmes);
        Assert.Equal(assigned.Id, Assert.Single(details.Versions[1].Programmes).ProgrammeId);

        var programme = (await programmes.GetAsync(assigned.Id, Token))!;
        Assert.Equal(1, programme.ProtocolVersionNumber);
        Assert.Equal(2, programme.CurrentProtocolVersionNumber);
        Assert.Equal(30m, programme.Definition.Session.MainMinutes);
        Assert.Equal(before, programme.Sessions);
        Assert.All(programme.Sessions, s => Assert.Equal(30m, s.Prescription.MainMinutes));
        Assert.Equal(1.0m, programme.Sessions[0].Prescription.SpeedKmh);

        // A new assignment gets the new version.
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        var v1 = await db.Set<ProtocolVersion>().SingleAsync(v => v.ProtocolId == setup.ProtocolId && v.VersionNumber == 1, Token);
        Assert.Equal(30m, v1.Definition.Session.MainMinutes);
    }

    public static TheoryData<string, Action<ProtocolInput>, string> BadInput => new()
    {
        { nameof(ProtocolInput.Name), p => p.Name = " ", "Enter a name." },
        { nameof(ProtocolInput.MainMinutes), p => p.MainMinutes = 0m, "Main walking time must be between 1 and 120 minutes." },
        { nameof(ProtocolInput.MainMinutes), p => p.MainMinutes = 121m, "Main walking time must be between 1 and 120 minutes." },
        { nameof(ProtocolInput.MainMinutes), p => p.MainMinutes = null, "Enter the main backward-walking time in minutes." },
        { nameof(ProtocolInput.WarmUpMinutes), p => p.WarmUpMinutes = 121m, "Warm-up must be between 0 and 120 minutes." },
        { nameof(ProtocolInput.MinSpeed), p => p.MinSpeed.Value = 0.05m, "Minimum speed must be between 0.1 km/h and 10.0 km/h." },
        { nameof(ProtocolInput.MaxSpeed), p => p.MaxSpeed.Value = 10.5m, "Maximum speed must be between 0.1 km/h and 10.0 km/h." },
        { nameof(ProtocolInput.MinSpeed), p => (p.MinSpeed.Value, p.StartSpeed.Value) = (2.5m, 2.5m), "Minimum speed must not be above the maximum speed." },
        { nameof(ProtocolInput.Incline), p => p.Incline = 16m, "Incline must be between 0.0° and 15.0°." },
        { nameof(ProtocolInput.SessionsPerWeek), p => p.SessionsPerWeek = 0, "Plan at least one session a week." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIsRefusedAtItsFieldAndNothingIsSaved(string field, Action<ProtocolInput> spoil, string message)
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var protocols = scope.ServiceProvider.GetRequiredService<ProtocolService>();
        var input = Valid("Bad one");
        spoil(input);

        var result = await protocols.CreateAsync(input, Token);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(message, result.Errors![field]);
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(0, await db.Set<Protocol>().CountAsync(Token));
        Assert.Equal(0, await db.AuditEntries.CountAsync(Token));
    }

    [Fact]
    public async Task SpeedsEnteredInMetresPerSecondAreStoredInKmhWithoutDrift()
    {
        var clinic = await app.CreateClinicAsync();
        await using (var scope = app.ScopeFor(clinic))
        {
            var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
            var stored = await db.Clinics.SingleAsync(c => c.Id == clinic.Id, Token);
            stored.SpeedUnit = SpeedUnit.MetresPerSecond;
            await db.SaveChangesAsync(Token);
        }
        await using var therapist = app.ScopeFor(clinic);
        var protocols = therapist.ServiceProvider.GetRequiredService<ProtocolService>();
        var cloned = await protocols.CloneTemplateAsync(ProtocolTemplates.ChronicStroke4WeeksKey, Token);

        var input = (await protocols.GetForEditAsync(cloned.Id, Token))!;
        Assert.Equal(0.28m, input.StartSpeed.Value);
        Assert.Equal(0.56m, input.MaxSpeed.Value);
        input.MaxSpeed.Value = 0.6m;
        Assert.True((await protocols.UpdateAsync(cloned.Id, input, Token)).Succeeded);

        var treadmill = (await protocols.GetAsync(cloned.Id, Token))!.Definition.Treadmill;
        Assert.Equal(1.0m, treadmill.StartSpeedKmh);
        Assert.Equal(2.16m, treadmill.MaxSpeedKmh);
        Assert.Equal(SpeedUnit.MetresPerSecond, treadmill.DisplaySpeedUnit);

        var tooFast = (await protocols.GetForEditAsync(cloned.Id, Token))!;
        tooFast.MaxSpeed.Value = 2.8m;
        var refused = await protocols.UpdateAsync(cloned.Id, tooFast, Token);
        Assert.Equal("Maximum speed must be between 0.03 m/s and 2.78 m/s.", refused.Errors![nameof(ProtocolInput.MaxSpeed)].Single());
    }

    [Fact]
    public async Task ASecondSaveFromAStaleProtocolFormIsRefusedAndTheFirstIsKept()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var protocols = scope.ServiceProvider.GetRequiredService<ProtocolService>();
        var first = (await protocols.GetForEditAsync(setup.ProtocolId, Token))!;
        var second = (await protocols.GetForEditAsync(setup.ProtocolId, Token))!;
        first.MainMinutes = 25m;
        second.MainMinutes = 35m;

        Assert.True((await protocols.UpdateAsync(setup.ProtocolId, first, Token)).Succeeded);
        var conflict = await protocols.UpdateAsync(setup.ProtocolId, second, Token);

        Assert.Equal(SaveStatus.Conflict, conflict.Status);
        Assert.Contains("Someone else changed this protocol", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(25m, (await protocols.GetAsync(setup.ProtocolId, Token))!.Definition.Session.MainMinutes);

        // Also when the first save made a new version (nothing of the stale form's version row is touched).
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        Assert.True((await programmes.AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday()), Token)).Succeeded);
        var third = (await protocols.GetForEditAsync(setup.ProtocolId, Token))!;
        var fourth = (await protocols.GetForEditAsync(setup.ProtocolId, Token))!;
        third.MainMinutes = 20m;
        fourth.MainMinutes = 40m;
        Assert.True((await protocols.UpdateAsync(setup.ProtocolId, third, Token)).Succeeded);
        Assert.Equal(SaveStatus.Conflict, (await protocols.UpdateAsync(setup.ProtocolId, fourth, Token)).Status);
        var details = (await protocols.GetAsync(setup.ProtocolId, Token))!;
        Assert.Equal(2, details.CurrentVersionNumber);
        Assert.Equal(20m, details.Definition.Session.MainMinutes);
    }

    [Fact]
    public async Task ProtocolChangesAreInTheAuditTrail()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var protocols = scope.ServiceProvider.GetRequiredService<ProtocolService>();
        var input = (await protocols.GetForEditAsync(setup.ProtocolId, Token))!;
        input.MainMinutes = 25m;
        await protocols.UpdateAsync(setup.ProtocolId, input, Token);

        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(ProtocolVersion)).OrderBy(a => a.At).ToListAsync(Token);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        var change = Assert.Single(entries[1].Changes);
        Assert.Equal(nameof(ProtocolVersion.DefinitionJson), change.Field);
        Assert.Contains("\"mainMinutes\":30", change.From, StringComparison.Ordinal);
        Assert.Contains("\"mainMinutes\":25", change.To, StringComparison.Ordinal);
        Assert.Contains(await db.AuditEntries.ToListAsync(Token), a => a.EntityType == nameof(Protocol) && a.Action == AuditAction.Created);
    }

    [Fact]
    public async Task AUserOfAnotherClinicCannotSeeOrChangeTheProtocol()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        var other = await app.CreateClinicAsync();
        await using var b = app.ScopeFor(other, admin: true);
        var protocols = b.ServiceProvider.GetRequiredService<ProtocolService>();

        Assert.Null(await protocols.GetAsync(setup.ProtocolId, Token));
        Assert.Null(await protocols.GetForEditAsync(setup.ProtocolId, Token));
        Assert.Empty(await protocols.ListAsync(Token));
        Assert.Empty(await protocols.ListAssignableAsync(Token));
        Assert.Equal(SaveStatus.NotFound, (await protocols.UpdateAsync(setup.ProtocolId, Valid("Taken over"), Token)).Status);
        Assert.Equal(SaveStatus.NotFound, (await protocols.ArchiveAsync(setup.ProtocolId, Guid.NewGuid(), Token)).Status);
    }

    [Fact]
    public async Task AnArchivedProtocolIsNoLongerOfferedButItsProgrammesKeepRunning()
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        await using var scope = app.ScopeFor(setup.Clinic);
        var protocols = scope.ServiceProvider.GetRequiredService<ProtocolService>();
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday()), Token);
        var details = (await protocols.GetAsync(setup.ProtocolId, Token))!;

        Assert.True((await protocols.ArchiveAsync(setup.ProtocolId, details.Version, Token)).Succeeded);

        Assert.DoesNotContain(await protocols.ListAssignableAsync(Token), p => p.ProtocolId == setup.ProtocolId);
        Assert.Equal(12, (await programmes.GetAsync(assigned.Id, Token))!.PlannedCount);
    }

    private static ProtocolInput Valid(string name)
    {
        var input = ProtocolMapping.ToInput(ProtocolTemplates.ChronicStroke4Weeks with { Key = "" }, SpeedUnit.KilometresPerHour);
        input.Name = name;
        return input;
    }
}
