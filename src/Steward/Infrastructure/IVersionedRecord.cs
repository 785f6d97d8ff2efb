namespace Steward.Infrastructure;

// An editable record: its version is the API's ETag and the lost-update guard of every form.
public interface IVersionedRecord
{
    int Version { get; set; }
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}
