using Microsoft.AspNetCore.Identity;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure.Security;

/// <summary>
/// Refuses passwords found in leaked-password lists: the 49,233 most common ones shipped with the app
/// (<c>common-passwords.txt</c>, from zxcvbn-ts's <c>@zxcvbn-ts/language-common</c>, MIT; see
/// THIRD-PARTY-NOTICES.md). Compared without case, and also with leading or trailing digits and symbols
/// taken off, so "Password12", "Qwerty1234" and "Summer2026!" are refused like "password".
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "This password appears in lists of leaked passwords that attackers try first. Choose another, for example three or four unrelated words." })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var list = List.Value;
        var trimmed = password.Trim();
        return list.Contains(trimmed)
            || Stem(trimmed) is { Length: >= 4 } stem && list.Contains(stem);
    }

    /// <summary>The password without the digits and symbols people add at its ends ("Password12!" → "Password").</summary>
    internal static string Stem(string password)
    {
        var start = 0;
        var end = password.Length;
        while (start < end && !char.IsLetter(password[start]))
        {
            start++;
        }
        while (end > start && !char.IsLetter(password[end - 1]))
        {
            end--;
        }
        return password[start..end];
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("RetroWalk.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-password list is missing; rebuild RetroWalk.Web.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set;
    }
}

/// <summary>Refuses a password that is, or contains, the account's e-mail address or its name part.</summary>
public sealed class EmailInPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        var email = user.Email ?? user.UserName;
        if (password is null || string.IsNullOrWhiteSpace(email))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var localPart = email.Split('@')[0];
        var containsEmail = password.Contains(email, StringComparison.OrdinalIgnoreCase)
            || string.Equals(CommonPasswordValidator.Stem(password), localPart, StringComparison.OrdinalIgnoreCase);
        return Task.FromResult(containsEmail
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "The password must not be or contain your e-mail address." })
            : IdentityResult.Success);
    }
}

/// <summary>
/// Refuses the account's current password and the ones before it (<see cref="ApplicationUser.PreviousPasswordHashes"/>):
/// a new password must differ from the last <see cref="Remembered"/>.
/// </summary>
public sealed class PasswordReuseValidator : IPasswordValidator<ApplicationUser>
{
    public const int Remembered = 5;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var recent = new[] { user.PasswordHash }.Concat(user.PreviousPasswordHashes).OfType<string>().Distinct().Take(Remembered);
        var reused = recent.Any(hash => manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed);
        return Task.FromResult(reused
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordReused", Description = $"You have used this password recently. Choose one that differs from your last {Remembered} passwords." })
            : IdentityResult.Success);
    }
}
