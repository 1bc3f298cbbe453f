using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure.Security;

/// <summary>
/// Identity's user manager with progressive lockout (<see cref="LockoutPolicy"/>) instead of a fixed one, and
/// lockout times read from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class RetroWalkUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    TimeProvider clock)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<ApplicationUser> LockoutStore =>
        Store as IUserLockoutStore<ApplicationUser> ?? throw new NotSupportedException("The user store does not support lockout.");

    /// <summary>Counts the failure and, from the fifth in a row, makes the account wait (the count is kept, so each further failure waits longer).</summary>
    public override async Task<IdentityResult> AccessFailedAsync(ApplicationUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        var failures = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        var delay = LockoutPolicy.DelayAfter(failures);
        if (delay > TimeSpan.Zero && await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken))
        {
            await LockoutStore.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(delay), CancellationToken);
        }
        return await UpdateUserAsync(user);
    }

    public override Task<IdentityResult> ChangePasswordAsync(ApplicationUser user, string currentPassword, string newPassword) =>
        KeepingReplacedHashAsync(user, () => base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override Task<IdentityResult> ResetPasswordAsync(ApplicationUser user, string token, string newPassword) =>
        KeepingReplacedHashAsync(user, () => base.ResetPasswordAsync(user, token, newPassword));

    public override Task<IdentityResult> RemovePasswordAsync(ApplicationUser user) =>
        KeepingReplacedHashAsync(user, () => base.RemovePasswordAsync(user));

    /// <summary>
    /// The hash a change replaces joins <see cref="ApplicationUser.PreviousPasswordHashes"/> (saved with the change),
    /// for <see cref="PasswordReuseValidator"/>; a refused change leaves the list as it was.
    /// </summary>
    private static async Task<IdentityResult> KeepingReplacedHashAsync(ApplicationUser user, Func<Task<IdentityResult>> change)
    {
        var before = user.PreviousPasswordHashes;
        if (user.PasswordHash is { } replaced)
        {
            user.PreviousPasswordHashes = [replaced, .. before.Where(h => h != replaced).Take(PasswordReuseValidator.Remembered - 1)];
        }
        var result = await change();
        if (!result.Succeeded)
        {
            user.PreviousPasswordHashes = before;
        }
        return result;
    }

    public override async Task<bool> IsLockedOutAsync(ApplicationUser user)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(user);
        return await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken)
            && await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken) is { } end
            && end > clock.GetUtcNow();
    }
}
