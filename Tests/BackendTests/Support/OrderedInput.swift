import Catalog
import OrderedCollections

/// A request's members, as the tests write them.
typealias OrderedInput = OrderedDictionary<String, Value>
