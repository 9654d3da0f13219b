using TrackingPixel.Sample.CustomFields;

// A local pixel whose records carry campaign fields and a device class:
//   dotnet run --project samples/TrackingPixel.Sample.CustomFields
//   curl "http://127.0.0.1:5081/pixel.gif?userid=u1&utm_source=newsletter&utm_campaign=spring" \
//     -A "Mozilla/5.0 (iPhone; ...) Mobile"
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["urls"] ?? "http://127.0.0.1:5081");
builder.Services.AddTrackingPixel().AddCampaignFields().UseFilePublisher(o => o.Directory = "records");

var app = builder.Build();
app.MapTrackingPixel("/pixel.gif");
app.Run();
