using Microsoft.Playwright;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccountAndPatientBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ATherapistCreatesFindsEditsAPatientWithADiacriticNameAndSignsOut()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        await Expect(page.GetByTestId("clinic-name")).ToHaveTextAsync(DemoData.ClinicName);
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("Maria Santos");

        var record = $"BR-{Guid.NewGuid().ToString("N")[..6]}";
        await page.GotoAsync("patients/new");
        await SignInPage.WaitForCircuitAsync(page);
        var form = new PatientFormPage(page);
        await form.FillAsync("Nguyễn Thị", "Hồng-Wiśniewska", "1958-04-02", record, "Chronic stroke");
        await form.SubmitAsync("Create patient");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nguyễn Thị Hồng-Wiśniewska" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("record-number")).ToHaveTextAsync(record);
        await Screenshots.SaveAsync(page, "patient-details");

        var list = new PatientListPage(page);
        await list.OpenAsync();
        await list.SearchAsync("hong-wisniewska");
        await Expect(list.Rows).ToHaveCountAsync(1);
        await Expect(list.PatientLink("Hồng-Wiśniewska, Nguyễn Thị")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "patient-list-search");

        await list.PatientLink("Hồng-Wiśniewska, Nguyễn Thị").ClickAsync();
        await SignInPage.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await SignInPage.WaitForCircuitAsync(page);
        await page.GetByLabel("Weight (kg)").FillAsync("61.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByText("61.5 kg")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("patients");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task AnInvalidPatientShowsTheMessageAtTheFieldAndSavesNothing()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        await page.GotoAsync("patients/new");
        await SignInPage.WaitForCircuitAsync(page);
        var form = new PatientFormPage(page);
        var record = $"BAD-{Guid.NewGuid().ToString("N")[..6]}";
        await form.FillAsync("Future", "Child", TestClock.Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), record, "Other");
        await page.GetByLabel("Height (cm)").FillAsync("300");
        await form.SubmitAsync("Create patient");

        await Expect(PatientFormPage.MessagesAt(page, "Height (cm)")).ToHaveTextAsync("Height must be between 50 and 250 cm.");
        await form.SubmitAsync("Create patient");
        await page.GetByLabel("Height (cm)").FillAsync("160");
        await form.SubmitAsync("Create patient");
        await Expect(PatientFormPage.MessagesAt(page, "Date of birth")).ToHaveTextAsync("The date of birth cannot be in the future.");
        await Screenshots.SaveAsync(page, "patient-form-invalid");

        var list = new PatientListPage(page);
        await list.OpenAsync();
        await list.SearchAsync(record);
        await Expect(page.GetByText("No patients match.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnAnonymousVisitToThePatientListLandsOnSignIn()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("patients");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl=%2Fpatients"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to RetroWalk" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "sign-in");
    }

    [Fact]
    public async Task AWrongPasswordShowsAnError()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAsync(DemoData.SecondTherapistEmail, "not-the-password");
        await Expect(page.GetByText("The e-mail or password is not correct.")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task AClinicAdminDeactivatesATherapistWhoThenCannotSignIn()
    {
        var admin = await browser.NewPageAsync();
        await new SignInPage(admin).SignInAndWaitAsync(DemoData.AdminEmail, DemoData.AdminPassword);
        await admin.GotoAsync("admin/staff");
        await SignInPage.WaitForCircuitAsync(admin);

        var email = $"leaver-{Guid.NewGuid().ToString("N")[..6]}@riverside.example";
        await admin.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true }).FillAsync("Pat Leaver");
        await admin.GetByLabel("E-mail (sign-in name)").FillAsync(email);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var oneTimePassword = await admin.GetByTestId("one-time-password").InnerTextAsync();
        Assert.Equal(12, oneTimePassword.Trim().Length);

        var row = admin.Locator($"[data-testid=staff-row][data-email='{email}']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate Pat Leaver" }).ClickAsync();
        var confirm = admin.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("Pat Leaver can no longer sign in");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Deactivated");
        await Screenshots.SaveAsync(admin, "staff-accounts");

        var leaver = await browser.NewPageAsync();
        await new SignInPage(leaver).SignInAsync(email, oneTimePassword.Trim());
        await Expect(leaver.GetByText("This account has been deactivated. Ask your clinic administrator.")).ToBeVisibleAsync();
    }
}
