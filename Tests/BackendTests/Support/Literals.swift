import Catalog
import OrderedCollections

typealias OrderedInput = OrderedDictionary<String, Value>
