import Catalog

/// The catalog's typed request, named apart from Hummingbird's HTTP `Request`.
typealias CallRequest = Request
