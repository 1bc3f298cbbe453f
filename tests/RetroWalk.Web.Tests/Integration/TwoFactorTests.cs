using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Tests.Integration;

public sealed class TwoFactorTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task WithAnAuthenticatorTheSignInAsksForItsCodeAndAcceptsIt()
    {
        var clinic = await app.CreateClinicAsync();
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(clinic.TherapistEmail))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        using var client = app.CreateBrowserlikeClient();
        var password = await Web.Tests.Infrastructure.RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/Account/LoginWith2fa", password.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/patients", TestContext.Current.CancellationToken)).StatusCode);

        var wrong = await PostCodeAsync(client, password.Headers.Location.PathAndQuery, Totp(key, app.Clock.GetUtcNow()) == "000000" ? "111111" : "000000");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Invalid authenticator code", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var right = await PostCodeAsync(client, password.Headers.Location.PathAndQuery, Totp(key, app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients", TestContext.Current.CancellationToken)).StatusCode);
    }

    internal static async Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string url, string code)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(url));
        var form = page.QuerySelector("form[method=post]")!;
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("Input.TwoFactorCode", code));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>RFC 6238 time-based code (30 s, 6 digits, HMAC-SHA1), as an authenticator app computes it.</summary>
    internal static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. output];
    }
}
