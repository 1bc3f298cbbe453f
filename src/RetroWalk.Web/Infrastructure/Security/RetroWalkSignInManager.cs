using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RetroWalk.Web.Data;

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
    SignInThrottle throttle)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>A hash of a random secret, made with the same hasher and work factor as real ones.</summary>
    private static string? standInHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (!throttle.TryAttempt(userName))
        {
            return ThrottledSignInResult.Instance;
        }
        // The sign-in name is the e-mail address.
        var user = await UserManager.FindByEmailAsync(userName);
        if (user is null)
        {
            // The same password check, through the same code, against a stand-in account that cannot sign in:
            // the answer and its timing do not reveal that there is no such account.
            var standIn = new ApplicationUser { PasswordHash = StandInHash(), LockoutEnabled = true, IsActive = false };
            await UserManager.CheckPasswordAsync(standIn, password);
            await UserManager.IsLockedOutAsync(standIn);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

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
