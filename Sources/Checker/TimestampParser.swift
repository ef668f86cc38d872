import Foundation
import Text
import Time

/// Reads a timestamp as the AWS CLI accepts one: seconds since 1970 (any
/// number Python's `float()` reads), or ISO 8601 in the AWS CLI's dialect
/// (`ISO8601.Dialect.awsCLI`: a date, or a date and time with optional seconds,
/// fraction and zone, `T` or a space between; the basic form too), white space
/// around taken as Python's `strip()` takes it.
enum TimestampParser {
    /// The instant `text` names, or nil when it names none or one outside
    /// `InstantRange` (as `datetime` refuses it in the AWS CLI).
    static func parse(_ text: String) -> Date? {
        if let date = ISO8601.parse(text.trimmingPythonSpace, .awsCLI) { return date }
        return PythonNumbers.double(text).flatMap(EpochSeconds.microsecondDate)
    }
}
