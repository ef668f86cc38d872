import Catalog

/// The catalog's `Option` (an operation's command-line option), named apart
/// from the syntax tree's `Option` (an option as typed).
typealias ModelOption = Option
