using RetroWalk.Web.Data;
using RetroWalk.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddRetroWalkDatabase();
builder.AddRetroWalkIdentity();
builder.AddRetroWalkWeb();

var app = builder.Build();
app.UseRetroWalk();
await app.RunRetroWalkAsync(args);

public partial class Program;
