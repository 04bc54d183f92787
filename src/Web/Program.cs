using Fashionistas.Silo;
using Fashionistas.Silo.Cluster;
using Fashionistas.Web.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddSilo();
builder.AddOrleansNode();
builder.AddTicketingApi();

var app = builder.Build();
app.MapTicketingApi();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
