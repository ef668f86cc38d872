/// The syntax tree of a compiled expression. Only the cases that hold nodes directly are
/// boxed (`indirect`); names, literals and lists of nodes sit inline, which saves an
/// allocation per node.
enum Node: Sendable {
    /// `@`, and the implicit right-hand side of a projection.
    case current
    /// `foo`, `"foo"`: a member of an object.
    case field(String)
    /// `a.b[0].c`: each step applied to the result of the one before (also pipes).
    case chain([Node])
    /// `[n]`
    case index(Int)
    /// `[start:stop:step]` (a slice is then projected).
    indirect case slice(start: Int?, stop: Int?, step: Int?)
    /// `` `json` `` or `'raw'`
    case literal(JSONValue)
    /// `left[*]...`, `left[]...`, `left[1:2]...`: `right` applied to each element of an array.
    indirect case listProjection(left: Node, right: Node)
    /// `left.*...`, `*...`: `right` applied to each value of an object.
    indirect case objectProjection(left: Node, right: Node)
    /// `left[?condition]...`: `right` applied to each element for which `condition` is true.
    indirect case filterProjection(left: Node, right: Node, condition: Node)
    /// `left[]` before projecting: one level of nested arrays merged.
    indirect case flatten(Node)
    /// `[a, b]`
    case multiSelectList([Node])
    /// `{k: a, l: b}`
    case multiSelectHash([KeyedNode])
    indirect case or(Node, Node)
    indirect case and(Node, Node)
    indirect case not(Node)
    indirect case compare(Comparator, Node, Node)
    case function(Function, [Node])
    /// `&expr`: the expression itself, passed to a function.
    indirect case expressionReference(Node)
}

/// One `key: expression` of a multi-select hash.
struct KeyedNode: Sendable {
    let key: String
    let node: Node
}

enum Comparator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
}
