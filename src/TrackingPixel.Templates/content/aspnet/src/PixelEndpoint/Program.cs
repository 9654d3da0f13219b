using PixelEndpoint;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTrackingPixel()
    .AddPixelRecord()
    .UsePixelPublisher(builder.Configuration);

var app = builder.Build();

// GET /pixel.gif?userid=...&thirdpartyname=...&ch=web answers with the 1x1 GIF and records the view.
app.MapTrackingPixel("/pixel.gif");
app.Run();
