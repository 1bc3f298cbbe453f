namespace RetroWalk.Web.Infrastructure.Jobs;

public static class JobRegistration
{
    /// <summary>The background work queue: the queue features use, and the worker that runs jobs in this instance.</summary>
    public static IHostApplicationBuilder AddRetroWalkJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<JobResults>();
        builder.Services.AddSingleton<JobSignals>();
        builder.Services.AddScoped<JobQueue>();
        builder.Services.AddSingleton<JobWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        return builder;
    }
}
