using Microsoft.AspNetCore.Identity;

namespace RetroWalk.Web.Data;

/// <summary>A clinic's staff member. Patients never sign in.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public Guid ClinicId { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary>Deactivated accounts cannot sign in; the account and its history stay.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Set when an administrator issues a one-time password.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// The hashes of the passwords before the current one, newest first, at most
    /// <see cref="Infrastructure.Security.PasswordReuseValidator.Remembered"/> of them (the validator compares a new
    /// password with the current one and the newest before it, five in all; the list holds one more because the
    /// current hash joins it while a change is checked).
    /// </summary>
    public List<string> PreviousPasswordHashes { get; set; } = [];
}
