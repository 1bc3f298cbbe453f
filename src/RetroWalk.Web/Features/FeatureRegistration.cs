using RetroWalk.Reports;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;

namespace RetroWalk.Web.Features;

public static class FeatureRegistration
{
    public static IHostApplicationBuilder AddRetroWalkFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PatientService>();
        builder.Services.AddScoped<StaffService>();
        builder.Services.AddScoped<AuditLogService>();
        builder.Services.AddScoped<ClinicService>();
        builder.Services.AddScoped<ClinicSettingsService>();
        builder.Services.AddScoped<ProtocolService>();
        builder.Services.AddScoped<ProgrammeService>();
        builder.Services.AddScoped<SessionService>();
        builder.Services.AddSingleton<IProgressReportRenderer>(
            new ProgressReportRenderer(builder.Configuration["Reports:FontDirectory"]));
        return builder;
    }

    /// <summary>Plain HTTP endpoints of the features (downloads and the like).</summary>
    public static IEndpointRouteBuilder MapRetroWalkEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
