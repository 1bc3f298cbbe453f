using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RetroWalk.Web.Components.Account.Shared;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Drafts;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Security;

/// <summary>
/// The gap: no idle logoff, so an unattended tablet stayed signed in for hours. Now an untouched page warns a minute
/// before the clinic's idle time and then signs out, keeping an open form's content as a protected draft that is
/// offered back after signing in. All on the app's test clock: nothing here waits for real time.
/// </summary>
public sealed class IdleSignOutTests(AppFixture app) : ComponentTest, IClassFixture<AppFixture>
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUntouchedPageWarnsAMinuteBeforeTheClinicsIdleTimeThenKeepsTheDraftAndSignsOut()
    {
        var clinic = await app.CreateClinicAsync();
        await using (var admin = app.ScopeFor(clinic, admin: true))
        {
            var settings = admin.ServiceProvider.GetRequiredService<ClinicSettingsService>();
            var input = (await settings.GetAsync(Token))!;
            Assert.Equal(15, input.IdleLogoffMinutes);
            input.IdleLogoffMinutes = 5;
            Assert.True((await settings.SaveAsync(input, Token)).Succeeded);
        }
        await using var scope = UseTherapist(clinic, "user-idle-1");
        var keeper = scope.ServiceProvider.GetRequiredService<DraftKeeper>();
        var typed = new AssessmentInput { AssessorName = "Therapist", Notes = "Walked 30 minutes, BP 150/90 at the end" };
        using var registration = keeper.Register(() => scope.ServiceProvider.GetRequiredService<FormDrafts>().SaveAsync("assessment:test", typed));

        var page = Render<IdleSignOut>();
        page.WaitForAssertion(() => Assert.Equal("5", page.Find("[data-testid=idle-watch]").GetAttribute("data-idle-minutes")));
        app.Clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(58));
        Assert.Empty(page.FindAll("[data-testid=idle-warning]"));

        app.Clock.Advance(TimeSpan.FromSeconds(3));
        page.WaitForAssertion(() => Assert.Contains("you will be signed out at", page.Find("[data-testid=idle-warning]").TextContent, StringComparison.Ordinal));

        // Any interaction (reported by the page's script) starts the count again.
        await page.InvokeAsync(() => page.Instance.ActiveAsync());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=idle-warning]")));
        app.Clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(50));
        Assert.Empty(page.FindAll("[data-testid=idle-warning]"));
        Assert.Empty(JSInterop.Invocations["retrowalkIdle.signOut"]);

        app.Clock.Advance(TimeSpan.FromSeconds(15));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=idle-warning]")));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=idle-signed-out]")));
        Assert.Single(JSInterop.Invocations["retrowalkIdle.signOut"]);

        var kept = await scope.ServiceProvider.GetRequiredService<FormDrafts>().FindAsync<AssessmentInput>("assessment:test", Token);
        Assert.Equal(typed.Notes, kept!.Model.Notes);
    }

    [Fact]
    public async Task AKeptDraftIsEncryptedForItsUserAloneAndOfferedBackOnce()
    {
        var clinic = await app.CreateClinicAsync();
        const string note = "Near-fall at minute 12, stopped the belt";
        await using (var owner = ScopeAs(clinic, "user-draft-1"))
        {
            await owner.ServiceProvider.GetRequiredService<FormDrafts>().SaveAsync("assessment:p1:new",
                new AssessmentInput { AssessorName = "Therapist", Notes = note }, Token);
        }

        // The table holds no readable clinical text.
        await using (var any = app.Services.CreateAsyncScope())
        {
            var stored = await any.ServiceProvider.GetRequiredService<RetroWalkDbContext>().Set<FormDraft>()
                .Where(d => d.UserId == "user-draft-1").Select(d => d.Protected).SingleAsync(Token);
            Assert.DoesNotContain("Near-fall", stored, StringComparison.Ordinal);
        }
        // Another user's row, even copied over, does not read.
        await using (var other = ScopeAs(clinic, "user-draft-2"))
        {
            Assert.Null(await other.ServiceProvider.GetRequiredService<FormDrafts>().FindAsync<AssessmentInput>("assessment:p1:new", Token));
            var db = other.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
            var stolen = await db.Set<FormDraft>().AsNoTracking().SingleAsync(d => d.UserId == "user-draft-1", Token);
            db.Add(new FormDraft { UserId = "user-draft-2", FormKey = "assessment:p1:new", Protected = stolen.Protected, SavedAt = stolen.SavedAt });
            await db.SaveChangesAsync(Token);
            Assert.Null(await other.ServiceProvider.GetRequiredService<FormDrafts>().FindAsync<AssessmentInput>("assessment:p1:new", Token));
        }

        // Its owner is offered it when the form opens, and restoring it takes it away.
        await using var scope = UseTherapist(clinic, "user-draft-1");
        AssessmentInput? restored = null;
        var offer = Render<DraftOffer<AssessmentInput>>(parameters => parameters
            .Add(p => p.FormKey, "assessment:p1:new")
            .Add(p => p.Current, new AssessmentInput())
            .Add(p => p.OnRestore, (AssessmentInput kept) => restored = kept));
        offer.WaitForAssertion(() => Assert.Contains("was kept", offer.Find("[data-testid=draft-offer]").TextContent, StringComparison.Ordinal));
        offer.Find("#restore-draft").Click();
        offer.WaitForAssertion(() => Assert.Equal(note, restored?.Notes));
        Assert.Empty(offer.FindAll("[data-testid=draft-offer]"));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<FormDrafts>().FindAsync<AssessmentInput>("assessment:p1:new", Token));
    }

    private AsyncServiceScope ScopeAs(TestClinic clinic, string userId)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(clinic.Id, "Test Therapist", userId: userId).Principal;
        return scope;
    }

    private AsyncServiceScope UseTherapist(TestClinic clinic, string userId)
    {
        var scope = ScopeAs(clinic, userId);
        UseAppServices(scope.ServiceProvider, typeof(ClinicSettingsService), typeof(ClinicFormats), typeof(DraftKeeper), typeof(FormDrafts), typeof(ICurrentUser));
        Services.AddSingleton<TimeProvider>(app.Clock);
        Render<MudPopoverProvider>();
        return scope;
    }
}
