using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Clinics;

public sealed record StaffMember(string Id, string DisplayName, string Email, string Role, bool IsActive, bool MustChangePassword, bool IsYou, bool IsLockedOut = false);

public sealed class NewStaffInput
{
    [Required(ErrorMessage = "Enter the person's name.")]
    [StringLength(200, ErrorMessage = "The name can have at most {1} characters.")]
    [Display(Name = "Name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter an e-mail address; it is the sign-in name.")]
    [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [Display(Name = "E-mail (sign-in name)")]
    public string Email { get; set; } = "";

    [Display(Name = "Role")]
    public string Role { get; set; } = Roles.Therapist;
}

/// <summary>The result of creating an account: the one-time password is shown once and never stored in clear.</summary>
public sealed record NewStaffResult(bool Succeeded, string? OneTimePassword = null, FieldErrors? Errors = null);

/// <summary>A clinic administrator manages the clinic's accounts. Accounts are deactivated, never deleted.</summary>
public sealed class StaffService(UserManager<ApplicationUser> users, ICurrentUser currentUser, AccessLog accessLog)
{
    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken = default)
    {
        EnsureAdmin();
        var clinicUsers = await users.Users.Where(u => u.ClinicId == currentUser.ClinicId)
            .OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var result = new List<StaffMember>();
        foreach (var user in clinicUsers)
        {
            var role = (await users.IsInRoleAsync(user, Roles.ClinicAdmin)) ? Roles.ClinicAdmin : Roles.Therapist;
            result.Add(new StaffMember(user.Id, user.DisplayName, user.Email ?? "", role, user.IsActive, user.MustChangePassword,
                user.Id == currentUser.UserId, await users.IsLockedOutAsync(user)));
        }
        return result;
    }

    public async Task<NewStaffResult> CreateAsync(NewStaffInput input)
    {
        EnsureAdmin();
        var errors = FieldErrors.FromAnnotations(input);
        if (input.Role is not (Roles.Therapist or Roles.ClinicAdmin))
        {
            errors.Add(nameof(NewStaffInput.Role), "Choose Therapist or Clinic administrator.");
        }
        if (errors.IsValid && await users.FindByEmailAsync(input.Email.Trim()) is not null)
        {
            errors.Add(nameof(NewStaffInput.Email), "An account with this e-mail address already exists.");
        }
        if (!errors.IsValid)
        {
            return new NewStaffResult(false, Errors: errors);
        }

        var password = OneTimePassword();
        var user = new ApplicationUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            ClinicId = currentUser.ClinicId,
            MustChangePassword = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            var identityErrors = new FieldErrors();
            foreach (var error in created.Errors)
            {
                identityErrors.Add(nameof(NewStaffInput.Email), error.Description);
            }
            return new NewStaffResult(false, Errors: identityErrors);
        }
        await users.AddToRoleAsync(user, input.Role);
        await accessLog.RecordAsync(AccessKind.AccountCreated, $"{user.Email} ({input.Role})", user.Id);
        return new NewStaffResult(true, password);
    }

    public Task<string?> DeactivateAsync(string userId) => SetActiveAsync(userId, false);

    public Task<string?> ReactivateAsync(string userId) => SetActiveAsync(userId, true);

    /// <summary>Returns an error message, or null when done.</summary>
    private async Task<string?> SetActiveAsync(string userId, bool active)
    {
        EnsureAdmin();
        var user = await ClinicUserAsync(userId);
        if (user is null)
        {
            return NotInClinic;
        }
        if (!active && user.Id == currentUser.UserId)
        {
            return "You cannot deactivate your own account.";
        }
        user.IsActive = active;
        await users.UpdateAsync(user);
        // A new security stamp ends the account's current sign-ins at their next validation.
        await users.UpdateSecurityStampAsync(user);
        await accessLog.RecordAsync(active ? AccessKind.AccountReactivated : AccessKind.AccountDeactivated, user.Email, user.Id);
        return null;
    }

    /// <summary>
    /// Gives the account a new one-time password (shown once) that must be changed at the next sign-in.
    /// Its current sign-ins end (new security stamp) and any wait after wrong passwords is lifted.
    /// </summary>
    public async Task<(string? OneTimePassword, string? Error)> ResetPasswordAsync(string userId)
    {
        EnsureAdmin();
        var user = await ClinicUserAsync(userId);
        if (user is null)
        {
            return (null, NotInClinic);
        }
        if (user.Id == currentUser.UserId)
        {
            return (null, "Change your own password under \"Password and sign-in\".");
        }
        var password = OneTimePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return (null, string.Join(" ", reset.Errors.Select(e => e.Description)));
        }
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await UnlockAsync(user);
        await accessLog.RecordAsync(AccessKind.PasswordReset, user.Email, user.Id);
        return (password, null);
    }

    /// <summary>Lifts the wait an account is under after repeated wrong passwords or codes.</summary>
    public async Task<string?> UnlockAsync(string userId)
    {
        EnsureAdmin();
        var user = await ClinicUserAsync(userId);
        if (user is null)
        {
            return NotInClinic;
        }
        await UnlockAsync(user);
        await accessLog.RecordAsync(AccessKind.AccountUnlocked, user.Email, user.Id);
        return null;
    }

    /// <summary>Makes the account a therapist or a clinic administrator; its current sign-ins end so the new role applies at once.</summary>
    public async Task<string?> ChangeRoleAsync(string userId, string role)
    {
        EnsureAdmin();
        if (role is not (Roles.Therapist or Roles.ClinicAdmin))
        {
            return "Choose Therapist or Clinic administrator.";
        }
        var user = await ClinicUserAsync(userId);
        if (user is null)
        {
            return NotInClinic;
        }
        if (user.Id == currentUser.UserId)
        {
            return "You cannot change your own role; ask another administrator.";
        }
        var other = role == Roles.ClinicAdmin ? Roles.Therapist : Roles.ClinicAdmin;
        if (await users.IsInRoleAsync(user, other))
        {
            await users.RemoveFromRoleAsync(user, other);
        }
        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }
        await users.UpdateSecurityStampAsync(user);
        await accessLog.RecordAsync(AccessKind.RoleChanged, $"{user.Email} (now {role})", user.Id);
        return null;
    }

    private const string NotInClinic = "That account does not exist in this clinic.";

    private async Task<ApplicationUser?> ClinicUserAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user && user.ClinicId == currentUser.ClinicId ? user : null;

    private async Task UnlockAsync(ApplicationUser user)
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    private void EnsureAdmin()
    {
        if (!currentUser.IsClinicAdmin)
        {
            throw new UnauthorizedAccessException("Only a clinic administrator can manage accounts.");
        }
    }

    /// <summary>12 characters from an alphabet without look-alikes, always with upper, lower and digit.</summary>
    internal static string OneTimePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        var all = upper + lower + digits;
        var chars = new char[12];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
