using System.Text.Json.Serialization;

namespace TrackingPixel.Aws.Tests.Support;

/// <summary>Serialises the error bodies the loopback endpoints answer with.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ErrorJson : JsonSerializerContext;
