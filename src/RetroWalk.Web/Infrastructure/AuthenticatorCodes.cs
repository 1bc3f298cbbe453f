using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) checked against the app's
/// <see cref="TimeProvider"/> rather than the machine clock that Identity's own provider reads, so that
/// sign-in follows the one clock the rest of the app uses. Like Identity's, it accepts codes up to two
/// steps either side of now for authenticator clocks that drift.
/// </summary>
public sealed class AuthenticatorCodes(TimeProvider time) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    private const int StepSeconds = 30;
    private const int StepsEitherSide = 2;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code lives in the person's app, not here.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit) || Base32Decode(key) is not { } secret)
        {
            return false;
        }
        var step = time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        var matched = false;
        for (var offset = -StepsEitherSide; offset <= StepsEitherSide; offset++)
        {
            matched |= CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(Code(secret, step + offset)), System.Text.Encoding.ASCII.GetBytes(token));
        }
        return matched;
    }

    /// <summary>The 6-digit code of one time step.</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base 32 as Identity stores authenticator keys; null for a character outside the alphabet.</summary>
    private static byte[]? Base32Decode(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int bits = 0, value = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var index = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }
            value = (value << 5) | index;
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
