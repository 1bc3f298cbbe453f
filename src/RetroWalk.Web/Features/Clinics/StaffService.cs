using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Clinics;

public sealed record StaffMember(string Id, string DisplayName, string Email, string Role, bool IsActive, bool MustChangePassword, bool IsYou);

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
public sealed class StaffService(UserManager<ApplicationUser> users, ICurrentUser currentUser)
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
            result.Add(new StaffMember(user.Id, user.DisplayName, user.Email ?? "", role, user.IsActive, user.MustChangePassword, user.Id == currentUser.UserId));
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
        return new NewStaffResult(true, password);
    }

    public Task<string?> DeactivateAsync(string userId) => SetActiveAsync(userId, false);

    public Task<string?> ReactivateAsync(string userId) => SetActiveAsync(userId, true);

    /// <summary>Returns an error message, or null when done.</summary>
    private async Task<string?> SetActiveAsync(string userId, bool active)
    {
        EnsureAdmin();
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.ClinicId != currentUser.ClinicId)
        {
            return "That account does not exist in this clinic.";
        }
        if (!active && user.Id == currentUser.UserId)
        {
            return "You cannot deactivate your own account.";
        }
        user.IsActive = active;
        await users.UpdateAsync(user);
        // A new security stamp ends the account's current sign-ins at their next validation.
        await users.UpdateSecurityStampAsync(user);
        return null;
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
