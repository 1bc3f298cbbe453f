using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Patients;

namespace RetroWalk.Web.Features;

public static class FeatureRegistration
{
    public static IHostApplicationBuilder AddRetroWalkFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PatientService>();
        builder.Services.AddScoped<StaffService>();
        builder.Services.AddScoped<AuditLogService>();
        builder.Services.AddScoped<ClinicService>();
        builder.Services.AddScoped<AssessmentService>();
        builder.Services.AddScoped<ProgressService>();
        return builder;
    }

    /// <summary>Plain HTTP endpoints of the features (downloads and the like).</summary>
    public static IEndpointRouteBuilder MapRetroWalkEndpoints(this IEndpointRouteBuilder endpoints) => endpoints;
}
