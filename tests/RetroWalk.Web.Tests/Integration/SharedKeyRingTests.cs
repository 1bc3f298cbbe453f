using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>Two instances on one database share one data-protection key ring, kept in that database.</summary>
public sealed class SharedKeyRingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignInCookieAndAProtectedPayloadMadeByOneInstanceAreReadByAnother()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var first = new RetroWalkApp().OnDatabase(database);
        await first.InitializeAsync();
        var clinic = await first.CreateClinicAsync();
        var cookies = new System.Net.CookieContainer();
        using var firstClient = ClientOf(first, cookies);
        var signIn = await RetroWalkApp.SignInAsync(firstClient, clinic.TherapistEmail, clinic.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test").Protect("made by the first instance");

        await using var second = new RetroWalkApp().OnDatabase(database);
        await second.InitializeAsync();
        using var secondClient = ClientOf(second, cookies);
        using var stranger = ClientOf(second, new System.Net.CookieContainer());

        Assert.Equal("made by the first instance", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test").Unprotect(secret));
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/reports/batch", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/reports/batch", Token)).StatusCode);
        await using var scope = second.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Token));
    }

    [Fact]
    public async Task WithACertificateTheKeysAreStoredEncryptedAndOnlyInstancesWithItReadThem()
    {
        var folder = Directory.CreateTempSubdirectory("rw-keyring-");
        try
        {
            const string Password = "key-ring-test";
            var pfx = Path.Combine(folder.FullName, "keyring.pfx");
            using (var rsa = System.Security.Cryptography.RSA.Create(2048))
            {
                var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=RetroWalk key ring test", rsa,
                    System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
                var now = new DateTimeOffset(TestClock.Start.UtcDateTime, TimeSpan.Zero);
                using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));
                await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, Password), Token);
            }
            await using var database = await TestDatabase.CreateAsync();
            await using var first = new RetroWalkApp().OnDatabase(database)
                .WithSetting("DataProtection:CertificatePath", pfx).WithSetting("DataProtection:CertificatePassword", Password);
            await first.InitializeAsync();
            var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test").Protect("made with the certificate");

            await using (var scope = first.Services.CreateAsyncScope())
            {
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
                var xml = Assert.Single(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(Token))!;
                Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            }

            await using var withCertificate = new RetroWalkApp().OnDatabase(database)
                .WithSetting("DataProtection:CertificatePath", pfx).WithSetting("DataProtection:CertificatePassword", Password);
            await withCertificate.InitializeAsync();
            Assert.Equal("made with the certificate",
                withCertificate.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test").Unprotect(secret));

            await using var without = new RetroWalkApp().OnDatabase(database);
            await without.InitializeAsync();
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
                without.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test").Unprotect(secret));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A client of one instance whose cookies live in <paramref name="cookies"/>, so another instance's client can send them.</summary>
    private static HttpClient ClientOf(RetroWalkApp app, System.Net.CookieContainer cookies) =>
        new(new CookieContainerHandler(cookies) { InnerHandler = app.Server.CreateHandler() }) { BaseAddress = new Uri("http://localhost") };
}
