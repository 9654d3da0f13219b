namespace TrackingPixel;

/// <summary>Describes one field of the record: its name, type and meaning.</summary>
/// <param name="Name">The field's name in the record.</param>
/// <param name="Type">The field's JSON type.</param>
/// <param name="Description">What the field holds and where it comes from, one sentence.</param>
public sealed record FieldDescriptor(string Name, FieldType Type, string Description);
