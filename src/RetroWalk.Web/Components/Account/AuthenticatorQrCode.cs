using System.Globalization;
using System.Text.Encodings.Web;
using QRCoder;

namespace RetroWalk.Web.Components.Account;

/// <summary>
/// What an authenticator app scans to set up RetroWalk: the key in an <c>otpauth://</c> address (the Key Uri
/// Format read by Google and Microsoft Authenticator) and that address drawn as an SVG QR code by QRCoder,
/// with no image library.
/// </summary>
public static class AuthenticatorQrCode
{
    /// <summary>The name the app lists the account under, beside the user's e-mail address.</summary>
    public const string Issuer = "RetroWalk";

    /// <summary>"otpauth://totp/RetroWalk:maria%40clinic.example?secret=ABC...&amp;issuer=RetroWalk&amp;digits=6".</summary>
    public static string Uri(string email, string unformattedKey) =>
        string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            UrlEncoder.Default.Encode(Issuer), UrlEncoder.Default.Encode(email), unformattedKey);

    /// <summary>The address as an SVG QR code that scales to its container (error correction level Q).</summary>
    public static string Svg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
