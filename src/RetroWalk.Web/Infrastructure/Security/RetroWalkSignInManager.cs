using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Audit;

namespace RetroWalk.Web.Infrastructure.Security;

/// <summary>An attempt refused before any password check because the e-mail address had too many attempts lately.</summary>
public sealed class ThrottledSignInResult : SignInResult
{
    public static readonly ThrottledSignInResult Instance = new();
}

/// <summary>
/// Password sign-in that answers unknown, locked, deactivated and wrong-password cases alike and in the same
/// time: every attempt costs one password-hash check (against a stand-in hash when the e-mail is unknown), a
/// locked account answers "locked" whatever the password (so a lockout cannot be used to test passwords), and
/// "deactivated" is said only to someone who gave the right password.
/// </summary>
public sealed class RetroWalkSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    SignInThrottle throttle,
    AccessLog accessLog)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>A hash of a random secret, made with the same hasher and work factor as real ones.</summary>
    private static string? standInHash;

    /// <summary>
    /// A refused sign-in answers no sooner than this after it began. Every path already does the same hash work,
    /// but not the same database work (a known account's failure count is written); the floor hides that
    /// difference and the machine's load alike. It is above the hash work's time on a busy machine.
    /// </summary>
    public static readonly TimeSpan RefusalTakesAtLeast = TimeSpan.FromMilliseconds(300);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await CheckAndSignInAsync(userName, password, isPersistent, lockoutOnFailure);
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            var left = RefusalTakesAtLeast - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (left > TimeSpan.Zero)
            {
                // Real time on purpose: this is about how long the answer takes on the wire, not the clinic's clock.
                await Task.Delay(left);
            }
        }
        return result;
    }

    private async Task<SignInResult> CheckAndSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (!throttle.TryAttempt(userName))
        {
            // Refused without looking at the account, yet after the same hash work: a throttled address answers
            // in the time any other attempt takes.
            await UserManager.CheckPasswordAsync(StandInUser(), password);
            await accessLog.RecordAsync(AccessKind.SignInFailed, $"{userName} (too many attempts)", null, new AccessActor(null, userName, null));
            return ThrottledSignInResult.Instance;
        }
        // The sign-in name is the e-mail address.
        var user = await UserManager.FindByEmailAsync(userName);
        if (user is null)
        {
            // The same password check, through the same code, against a stand-in account that cannot sign in:
            // the answer and its timing do not reveal that there is no such account.
            var standIn = StandInUser();
            await UserManager.CheckPasswordAsync(standIn, password);
            await UserManager.IsLockedOutAsync(standIn);
            await accessLog.RecordAsync(AccessKind.SignInFailed, $"{userName} (no such account)", null, new AccessActor(null, userName, null));
            return SignInResult.Failed;
        }
        var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync(user, result, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null)
        {
            await RecordAsync(user, result, "authenticator code");
        }
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null)
        {
            await RecordAsync(user, result, "recovery code");
        }
        return result;
    }

    /// <summary>Sign-ins, failed sign-ins and lockouts go to the access log with the account they concern.</summary>
    private Task RecordAsync(ApplicationUser user, SignInResult result, string how)
    {
        var actor = new AccessActor(user.Id, user.Email ?? user.UserName ?? "", user.ClinicId);
        return result switch
        {
            { Succeeded: true } => accessLog.RecordAsync(AccessKind.SignedIn, $"{user.Email} ({how})", user.Id, actor),
            { RequiresTwoFactor: true } => Task.CompletedTask,
            { IsLockedOut: true } => accessLog.RecordAsync(AccessKind.LockedOut, $"{user.Email} ({how} while waiting after wrong attempts)", user.Id, actor),
            { IsNotAllowed: true } => accessLog.RecordAsync(AccessKind.SignInFailed, $"{user.Email} (deactivated account)", user.Id, actor),
            _ => accessLog.RecordAsync(AccessKind.SignInFailed, $"{user.Email} (wrong {how})", user.Id, actor),
        };
    }

    private ApplicationUser StandInUser() => new() { PasswordHash = StandInHash(), LockoutEnabled = true, IsActive = false };

    private string StandInHash() => standInHash ??= UserManager.PasswordHasher.HashPassword(
        new ApplicationUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var passwordIsRight = await UserManager.CheckPasswordAsync(user, password);
        if (await UserManager.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }
        if (!passwordIsRight)
        {
            if (UserManager.SupportsUserLockout && lockoutOnFailure)
            {
                await UserManager.AccessFailedAsync(user);
                if (await UserManager.IsLockedOutAsync(user))
                {
                    return SignInResult.LockedOut;
                }
            }
            return SignInResult.Failed;
        }
        if (!await CanSignInAsync(user))
        {
            return SignInResult.NotAllowed;
        }
        // As Identity does: with a second factor still to come, the failure count stays until it is given.
        if (UserManager.SupportsUserLockout && (!await UserManager.GetTwoFactorEnabledAsync(user) || await IsTwoFactorClientRememberedAsync(user)))
        {
            await UserManager.ResetAccessFailedCountAsync(user);
        }
        return SignInResult.Success;
    }
}
