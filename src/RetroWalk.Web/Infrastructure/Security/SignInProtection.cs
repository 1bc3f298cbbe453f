using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace RetroWalk.Web.Infrastructure.Security;

/// <summary>Sign-in throttling, bound from the <c>SignIn</c> configuration section.</summary>
public sealed class SignInProtectionOptions
{
    public const string Section = "SignIn";

    /// <summary>Password and code posts one client address may make per minute (a clinic behind one NAT shares it).</summary>
    [Range(1, 100_000)]
    public int PerAddressPerMinute { get; set; } = 30;

    /// <summary>Sign-in attempts for one e-mail address, known or not, per <see cref="PerAccountWindowMinutes"/>.</summary>
    [Range(1, 1000)]
    public int PerAccountPerWindow { get; set; } = 10;

    [Range(1, 1440)]
    public int PerAccountWindowMinutes { get; set; } = 10;

    /// <summary>Clinic administrators must set up two-factor sign-in (on unless a deployment decides otherwise).</summary>
    public bool RequireTwoFactorForAdministrators { get; set; } = true;
}

/// <summary>
/// How long an account waits after repeated wrong passwords or codes: nothing for the first four, then
/// 1, 2, 4 and 8 minutes, then 15 minutes for every further failure. An attacker gets a handful of guesses an
/// hour; the account's owner (an administrator included) is never locked out for longer than 15 minutes, and
/// an administrator can unlock an account at once.
/// </summary>
public static class LockoutPolicy
{
    public const int FreeFailures = 4;
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    public static TimeSpan DelayAfter(int consecutiveFailures) => consecutiveFailures <= FreeFailures
        ? TimeSpan.Zero
        : TimeSpan.FromMinutes(Math.Min(Longest.TotalMinutes, Math.Pow(2, Math.Min(consecutiveFailures - FreeFailures - 1, 10))));
}

/// <summary>
/// Per-account throttle of sign-in attempts (ASP.NET Core's rate limiting primitives), keyed by the
/// normalised e-mail address whether or not an account has it, so its answer reveals nothing.
/// The per-address limit is the rate-limiting middleware's, on the posts <see cref="IsPasswordOrCodePost"/> names.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private static readonly string[] PasswordAndCodeForms =
        ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Manage/ChangePassword"];

    private readonly PartitionedRateLimiter<string> perAccount;

    public SignInThrottle(Microsoft.Extensions.Options.IOptions<SignInProtectionOptions> options)
    {
        var settings = options.Value;
        perAccount = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetSlidingWindowLimiter(account, _ =>
            new SlidingWindowRateLimiterOptions
            {
                PermitLimit = settings.PerAccountPerWindow,
                Window = TimeSpan.FromMinutes(settings.PerAccountWindowMinutes),
                SegmentsPerWindow = 5,
                QueueLimit = 0,
            }));
    }

    /// <summary>False when this e-mail address has had too many attempts lately.</summary>
    public bool TryAttempt(string email)
    {
        using var lease = perAccount.AttemptAcquire(email.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    /// <summary>The forms that take a password or a second-factor code.</summary>
    public static bool IsPasswordOrCodePost(PathString path) =>
        PasswordAndCodeForms.Any(form => path.Equals(form, StringComparison.OrdinalIgnoreCase));

    public void Dispose() => perAccount.Dispose();
}
