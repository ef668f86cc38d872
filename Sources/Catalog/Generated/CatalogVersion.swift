// GENERATED FILE: do not edit by hand.
// Written by `python3 Scripts/generate-catalog.py (make catalog)` from botocore 1.43.11 (ssm-incidents 2018-05-10, ssm-contacts 2021-05-03).
// Change the generator or Scripts/catalog-summaries.json and run it again.

extension Catalog {
    /// The botocore release whose service models this catalog was generated from.
    public static let botocoreVersion: String = "1.43.11"
}
