using Fashionistas.Silo;
using Fashionistas.Web.Health;

var builder = WebApplication.CreateBuilder(args);
builder.AddSilo();
builder.Services.AddHealth();

var app = builder.Build();
app.MapHealth();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
