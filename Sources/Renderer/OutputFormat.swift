/// The output formats of `--output`, named as the AWS CLI names them.
public enum OutputFormat: String, Sendable, CaseIterable {
    case json, yaml, text, table
}
