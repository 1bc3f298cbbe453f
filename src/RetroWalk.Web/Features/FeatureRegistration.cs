using RetroWalk.Reports;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Exports;
using RetroWalk.Web.Features.Fhir;
using RetroWalk.Web.Features.Home;
using RetroWalk.Web.Features.Outcomes;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure.Jobs;

namespace RetroWalk.Web.Features;

public static class FeatureRegistration
{
    public static IHostApplicationBuilder AddRetroWalkFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PatientService>();
        builder.Services.AddScoped<StaffService>();
        builder.Services.AddScoped<AuditLogService>();
        builder.Services.AddScoped<AccessLog>();
        builder.Services.AddScoped<AccessLogService>();
        builder.Services.AddScoped<AuditChainCheck>();
        builder.Services.AddScoped<Drafts.FormDrafts>();
        builder.Services.AddScoped<Drafts.DraftKeeper>();
        builder.Services.AddScoped<ClinicService>();
        builder.Services.AddScoped<ClinicSettingsService>();
        builder.Services.AddScoped<FirstStepsService>();
        builder.Services.AddScoped<ProtocolService>();
        builder.Services.AddScoped<ProgrammeService>();
        builder.Services.AddScoped<SessionService>();
        builder.Services.AddScoped<DashboardFlagService>();
        builder.Services.AddSingleton<FlagSnapshots>();
        builder.Services.AddSingleton<FlagWarmer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FlagWarmer>());
        builder.Services.AddSingleton<IProgressReportRenderer>(
            new ProgressReportRenderer(builder.Configuration["Reports:FontDirectory"], builder.Configuration["Reports:FallbackFontDirectory"]));
        builder.Services.AddScoped<ReportModelBuilder>();
        builder.Services.AddScoped<ReportService>();
        builder.Services.AddOptions<ReportRenderOptions>().BindConfiguration(ReportRenderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ReportRenderGate>();
        builder.Services.AddScoped<ReportIssuer>();
        builder.Services.AddScoped<ReportBatches>();
        builder.Services.AddSingleton<IJobHandler, ReportBatchJob>();
        builder.Services.AddScoped<PatientRecordReader>();
        builder.Services.AddScoped<PatientEverything>();
        builder.Services.AddScoped<FhirBulkExports>();
        builder.Services.AddSingleton<IJobHandler, FhirBulkExportJob>();
        builder.Services.AddScoped<ExportRecordReader>();
        builder.Services.AddScoped<ExportService>();
        builder.Services.AddScoped<AssessmentService>();
        builder.Services.AddScoped<ProgressService>();
        builder.Services.AddScoped<AssessmentPlanService>();
        builder.Services.AddScoped<ProgressTimelineService>();
        builder.Services.AddScoped<CohortLoader>();
        builder.Services.AddScoped<OutcomeService>();
        return builder;
    }

    /// <summary>Plain HTTP endpoints of the features (downloads and the like).</summary>
    public static IEndpointRouteBuilder MapRetroWalkEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapReportEndpoints().MapAccessLogEndpoints().MapFhirEndpoints().MapExportEndpoints();
}
