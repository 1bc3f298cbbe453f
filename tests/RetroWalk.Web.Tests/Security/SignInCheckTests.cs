using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Infrastructure.Security;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Security;

/// <summary>
/// Open pages re-check their sign-in every 30 seconds; the checks that arrive together are answered by one query,
/// each by its own account and stamp.
/// </summary>
public sealed class SignInCheckTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChecksArrivingTogetherShareOneQueryAndEachGetsItsOwnAnswer()
    {
        var clinic = await app.CreateClinicAsync();
        var (therapist, therapistStamp) = await AccountAsync(clinic.TherapistEmail);
        var (admin, adminStamp) = await AccountAsync(clinic.AdminEmail);
        await using (var scope = app.ScopeFor(clinic, admin: true))
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<StaffService>().DeactivateAsync(admin));
        }
        var checks = app.Services.GetRequiredService<SignInChecks>();
        var queriesBefore = checks.Queries;

        var current = Enumerable.Range(0, 100).Select(_ => checks.IsCurrentAsync(SignIn(therapist, therapistStamp), Token)).ToList();
        var staleStamp = Enumerable.Range(0, 100).Select(_ => checks.IsCurrentAsync(SignIn(therapist, "an-old-stamp"), Token)).ToList();
        var deactivated = Enumerable.Range(0, 50).Select(_ => checks.IsCurrentAsync(SignIn(admin, adminStamp), Token)).ToList();
        var unknown = Enumerable.Range(0, 50).Select(_ => checks.IsCurrentAsync(SignIn(Guid.NewGuid().ToString(), therapistStamp), Token)).ToList();

        Assert.All(await Task.WhenAll(current), Assert.True);
        Assert.All(await Task.WhenAll(staleStamp), Assert.False);
        Assert.All(await Task.WhenAll(deactivated), Assert.False);
        Assert.All(await Task.WhenAll(unknown), Assert.False);
        // Written within moments of each other: one query, or two if a window closed while they were written.
        Assert.InRange(checks.Queries - queriesBefore, 1, 2);
    }

    [Fact]
    public async Task ACheckOfAClosedPageEndsWithThePagesOwnCancellation()
    {
        var clinic = await app.CreateClinicAsync();
        var (therapist, stamp) = await AccountAsync(clinic.TherapistEmail);
        using var closed = new CancellationTokenSource();
        await closed.CancelAsync();

        var ended = await Assert.ThrowsAsync<TaskCanceledException>(() => app.Services.GetRequiredService<SignInChecks>().IsCurrentAsync(SignIn(therapist, stamp), closed.Token));

        // The revalidating provider ends its loop quietly only for its own token.
        Assert.Equal(closed.Token, ended.CancellationToken);
    }

    [Fact]
    public async Task ASignInWithoutAStampIsNotCurrent()
    {
        var clinic = await app.CreateClinicAsync();
        var (therapist, _) = await AccountAsync(clinic.TherapistEmail);
        var claims = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;

        Assert.False(await app.Services.GetRequiredService<SignInChecks>().IsCurrentAsync(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(claims.UserIdClaimType, therapist)], "Test")), Token));
    }

    private ClaimsPrincipal SignIn(string userId, string stamp)
    {
        var claims = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(claims.UserIdClaimType, userId), new Claim(claims.SecurityStampClaimType, stamp)], "Test"));
    }

    private async Task<(string Id, string Stamp)> AccountAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
        return (user.Id, user.SecurityStamp!);
    }
}
