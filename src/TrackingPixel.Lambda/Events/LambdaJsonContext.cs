using System.Text.Json.Serialization;
using TrackingPixel.Lambda.Events;

namespace TrackingPixel.Lambda;

/// <summary>The package's source-generated serialisation metadata: no reflection, so the host stays trim- and AOT-clean.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientStringConverter), typeof(JsonSliceConverter)])]
[JsonSerializable(typeof(HttpApiV2Event))]
[JsonSerializable(typeof(RestApiV1Event))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
