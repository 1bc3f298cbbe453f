using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>One app and database shared by the integration tests of a class; each test makes its own clinic.</summary>
public sealed class AppFixture : RetroWalkApp;
