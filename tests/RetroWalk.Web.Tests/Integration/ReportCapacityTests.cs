using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>The app with small limits, so that tests can fill them: two renders at a time, two per person, no queue, a pool of six.</summary>
public sealed class SmallCapacityApp : RetroWalkApp
{
    public const int PoolSize = 6;

    public SmallCapacityApp()
    {
        WithSetting("Reports:Rendering:MaxConcurrent", "2");
        WithSetting("Reports:Rendering:MaxPerUser", "2");
        WithSetting("Reports:Rendering:QueueLength", "0");
        WithSetting("Reports:Rendering:RetryAfterSeconds", "7");
        WithSetting("Database:MaxPoolSize", PoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class ReportCapacityTests(SmallCapacityApp app) : IClassFixture<SmallCapacityApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(TestClinic Clinic, Guid ReportId, string TherapistId)> ReportAsync(string record)
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid(record), Token);
        var report = await scope.ServiceProvider.GetRequiredService<ReportService>()
            .CreateAsync(patient.Id, new ReportInput { From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 3, 31) }, Token);
        Assert.True(report.Succeeded, report.Message);
        var therapist = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(clinic.TherapistEmail);
        return (clinic, report.Id, therapist!.Id);
    }

    [Fact]
    public async Task APersonWithTwoRendersRunningIsAskedToRetryLaterWith429()
    {
        var (clinic, reportId, therapistId) = await ReportAsync("CAP-1");
        using var client = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);
        var gate = app.Services.GetRequiredService<ReportRenderGate>();

        var first = await gate.EnterAsync(therapistId, Token);
        var second = await gate.EnterAsync(therapistId, Token);
        HttpResponseMessage refused;
        try
        {
            refused = await client.GetAsync($"/reports/{reportId}/pdf", Token);
        }
        finally
        {
            first.Permit!.Dispose();
            second.Permit!.Dispose();
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        var served = await client.GetAsync($"/reports/{reportId}/pdf", Token);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WhenEveryRenderSlotIsTakenOthersGet503WithRetryAfter()
    {
        var (clinic, reportId, _) = await ReportAsync("CAP-2");
        using var client = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);
        var gate = app.Services.GetRequiredService<ReportRenderGate>();

        var someone = await gate.EnterAsync("someone", Token);
        var someoneElse = await gate.EnterAsync("someone else", Token);
        HttpResponseMessage refused;
        try
        {
            refused = await client.GetAsync($"/reports/{reportId}/pdf", Token);
        }
        finally
        {
            someone.Permit!.Dispose();
            someoneElse.Permit!.Dispose();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/reports/{reportId}/pdf", Token)).StatusCode);
    }

    [Fact]
    public async Task AHundredParallelDownloadsByOnePersonAreServedOrRefusedWithinThePoolAndTheAppStaysReady()
    {
        var (clinic, reportId, _) = await ReportAsync("CAP-3");
        using var client = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);

        var downloads = Enumerable.Range(0, 100).Select(_ => client.GetAsync($"/reports/{reportId}/pdf", Token)).ToList();
        var ready = await app.CreateClient().GetAsync("/health/ready", Token);
        var responses = await Task.WhenAll(downloads);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.All(responses, r => Assert.True(
            r.StatusCode == HttpStatusCode.OK || (r.StatusCode == HttpStatusCode.TooManyRequests && r.Headers.RetryAfter is not null),
            $"{(int)r.StatusCode} {r.ReasonPhrase}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.True(await ConnectionsToTheDatabaseAsync() <= SmallCapacityApp.PoolSize);
    }

    [Fact]
    public async Task TheConnectionPoolIsSizedFromSettingsBelowTheServersLimit()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        var poolSize = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxPoolSize;
        var serverLimit = await db.Database.SqlQueryRaw<int>("SELECT setting::int AS \"Value\" FROM pg_settings WHERE name = 'max_connections'").SingleAsync(Token);

        Assert.Equal(SmallCapacityApp.PoolSize, poolSize);
        Assert.True(poolSize < serverLimit);
        Assert.Equal(30, new DatabaseOptions().MaxPoolSize);
    }

    [Fact]
    public async Task TheAppsConnectionsRunWithoutPostgreSqlsJitCompiler()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);

        var jit = await db.Database.SqlQueryRaw<string>("SELECT setting AS \"Value\" FROM pg_settings WHERE name = 'jit'").SingleAsync(Token);

        Assert.Equal("off", jit);
    }

    private async Task<long> ConnectionsToTheDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString + ";Pooling=false");
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("SELECT count(*) - 1 FROM pg_stat_activity WHERE datname = current_database()", connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }
}
