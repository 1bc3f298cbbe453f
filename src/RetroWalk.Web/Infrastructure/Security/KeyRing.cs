using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure.Security;

/// <summary>
/// The data-protection key ring (sign-in cookies, antiforgery tokens, two-factor remembrance, protected drafts): one ring
/// for every instance, in the database, so that what one instance protects all can read, across restarts. With
/// <c>DataProtection:CertificatePath</c> (a PKCS#12 file with its private key, and <c>DataProtection:CertificatePassword</c>)
/// each key is stored encrypted to that certificate, so the database or a backup alone does not give the keys away;
/// every instance needs the certificate. <c>DataProtection:PreviousCertificatePaths:0</c>, <c>:1</c>… name certificates
/// replaced since, kept to read keys written under them until those keys expire (90 days).
/// </summary>
public static class KeyRing
{
    public const string Section = "DataProtection";

    public static IHostApplicationBuilder AddRetroWalkKeyRing(this IHostApplicationBuilder builder)
    {
        var ring = builder.Services.AddDataProtection().SetApplicationName("RetroWalk").PersistKeysToDbContext<RetroWalkDbContext>();
        var settings = builder.Configuration.GetSection(Section);
        if (settings["CertificatePath"] is { Length: > 0 } path)
        {
            var password = settings["CertificatePassword"];
            var current = Load(path, password);
            ring.ProtectKeysWithCertificate(current);
            var previous = settings.GetSection("PreviousCertificatePaths").Get<string[]>() ?? [];
            ring.UnprotectKeysWithAnyCertificate([current, .. previous.Select(p => Load(p, password))]);
        }
        return builder;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The data-protection certificate {path} has no private key; the key ring could not be read with it.");
    }
}
