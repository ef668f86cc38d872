import Catalog
import JMESPath

/// Prints a command's result the way the AWS CLI prints it.
///
/// The input is the response document after pagination and `--query`; the output is
/// the exact text the CLI writes to standard output, final newline included (empty when
/// the CLI prints nothing, as for an empty response).
public struct Renderer: Sendable {
    /// The AWS CLI's terminal width when standard output is not a terminal.
    public static let defaultWidth = 80

    public var format: OutputFormat
    /// Colours in the table, as `--color on` gives them. The caller decides: only on a
    /// terminal, and never when `NO_COLOR` is set.
    public var colors: Bool
    /// Terminal columns; the table is turned vertical when wider than this. `nil` means
    /// no terminal, for which the CLI assumes 80.
    public var width: Int?

    public init(format: OutputFormat = .json, colors: Bool = false, width: Int? = nil) {
        self.format = format
        self.colors = colors
        self.width = width
    }

    /// The document as the CLI prints it. `title` is the operation's API name
    /// (`ListIncidentRecords`), which only the table shows.
    public func render(_ document: JSONValue, title: String) -> String {
        switch format {
        case .json: JSONOutput.render(document)
        case .yaml: YAMLOutput.render(document)
        case .text: TextOutput.render(document)
        case .table: TableOutput.render(document, title: title, colors: colors, width: width ?? Self.defaultWidth)
        }
    }

    /// A typed response, converted as the CLI presents it, then printed.
    public func render(_ value: Value, title: String) -> String {
        render(value.jsonValue, title: title)
    }
}
