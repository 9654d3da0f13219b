using Microsoft.Extensions.DependencyInjection;
using TrackingPixel;
using TrackingPixel.Firehose.Athena;
using TrackingPixel.Lambda;
using TrackingPixel.Sample.Lambda;

// `bootstrap --athena-table s3://bucket/records/` prints the Athena table over this function's records and exits.
if (args is ["--athena-table", var location])
{
    var services = new ServiceCollection();
    services.AddReferenceFields(Environment.GetEnvironmentVariable);
    using var provider = services.BuildServiceProvider();
    Console.Write(
        provider.GetRequiredService<PixelPipeline>().DescribeRecord().ToAthenaTable(
            new AthenaTableOptions { Location = location }));
    return 0;
}

// The reference Lambda function (provided.al2023, Native AOT): the original aws-samples record's five fields,
// published to Firehose, served by the Lambda Runtime API host, configured from environment variables.
return await LambdaPixelHost.RunAsync(services => services.AddReferencePixel(Environment.GetEnvironmentVariable))
    .ConfigureAwait(false);
