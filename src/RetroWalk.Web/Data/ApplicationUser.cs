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
}
