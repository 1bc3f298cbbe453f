using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>The ids behind a demo patient's pages (patient, first programme, its protocol), read from the fixture's database.</summary>
public static class DemoRecords
{
    public static async Task<(Guid Patient, Guid Programme, Guid Protocol)> OfAsync(BrowserFixture browser, string record)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        var patient = await db.Patients.IgnoreQueryFilters().Where(p => p.RecordNumber == record).Select(p => p.Id).SingleAsync();
        var programme = await db.Set<Web.Features.Programs.Programme>().IgnoreQueryFilters()
            .Where(g => g.PatientId == patient).Select(g => new { g.Id, g.ProtocolId }).FirstAsync();
        return (patient, programme.Id, programme.ProtocolId);
    }
}
