using RetroWalk.Web.Components.Account;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Unit;

public sealed class AuthenticatorQrCodeTests
{
    private const string Key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    [Fact]
    public void TheAddressNamesRetroWalkTheAccountAndTheKeyInTheKeyUriFormat() =>
        Assert.Equal(
            "otpauth://totp/RetroWalk:maria.santos@riverside.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=RetroWalk&digits=6",
            AuthenticatorQrCode.Uri("maria.santos@riverside.example", Key));

    [Fact]
    public void AnAccountNameWithSpacesOrColonsCannotBreakTheAddress() =>
        Assert.Equal(
            "otpauth://totp/RetroWalk:a%20b%3Ac@x.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=RetroWalk&digits=6",
            AuthenticatorQrCode.Uri("a b:c@x.example", Key));

    [Fact]
    public void TheSvgIsAScalableImageThatDecodesToTheExactAddress()
    {
        var uri = AuthenticatorQrCode.Uri("łucja.nguyen@riverside.example", Key);

        var svg = AuthenticatorQrCode.Svg(uri);

        Assert.StartsWith("<svg", svg.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("viewBox", svg, StringComparison.Ordinal);
        Assert.Equal(uri, QrDecoder.DecodeSvg(svg));
    }

    [Fact]
    public void TheDecoderWouldNoticeAnotherAddress()
    {
        var svg = AuthenticatorQrCode.Svg(AuthenticatorQrCode.Uri("maria.santos@riverside.example", Key));
        Assert.NotEqual(AuthenticatorQrCode.Uri("maria.santos@riverside.example", "AAAAAAAAAAAAAAAA"), QrDecoder.DecodeSvg(svg));
    }
}
