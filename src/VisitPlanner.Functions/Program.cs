using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using VisitPlanner.Functions;
using VisitPlanner.Functions.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddVisitPlanner(builder.Configuration);
// Cross-cutting HTTP behaviour (problems, storage outages): the same middleware the dev host runs around each function.
builder.UseVisitPlannerMiddleware();
builder.Build().Run();
