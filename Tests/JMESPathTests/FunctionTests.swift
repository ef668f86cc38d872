import Testing
@testable import JMESPath

@Suite struct FunctionTests {
    let document: JSONValue = [
        "n": -2.5, "s": "héllo", "a": [3, 1, 2], "strs": ["b", "a", "c"], "mixed": [1, "a"],
        "o": ["x": 1, "y": 2], "people": [["name": "b", "age": 30], ["name": "a", "age": 20], ["name": "c", "age": 20]],
        "empty": [], "bools": [true, false],
    ]

    func result(_ text: String) throws -> JSONValue {
        try JMESPath.Expression(compiling: text).evaluate(on: document)
    }

    func errorKind(_ text: String) -> JMESPathError.Kind? {
        do {
            _ = try result(text)
            return nil
        } catch {
            return (error as? JMESPathError)?.kind
        }
    }

    @Test("results", arguments: [
        ("abs(n)", "2.5"), ("ceil(n)", "-2"), ("floor(n)", "-3"), ("avg(a)", "2"), ("avg(empty)", "null"),
        ("sum(a)", "6"), ("sum(empty)", "0"), ("max(a)", "3"), ("min(strs)", "\"a\""), ("max(empty)", "null"),
        ("contains(a, `1`)", "true"), ("contains(s, 'll')", "true"), ("contains(s, `1`)", "false"),
        ("starts_with(s, 'hé')", "true"), ("ends_with(s, 'lo')", "true"), ("join('-', strs)", "\"b-a-c\""),
        ("keys(o)", "[\"x\", \"y\"]"), ("values(o)", "[1, 2]"), ("length(s)", "5"), ("length(o)", "2"),
        ("map(&age, people)", "[30, 20, 20]"), ("map(&missing, people)", "[null, null, null]"),
        ("max_by(people, &age).name", "\"b\""), ("min_by(people, &age).name", "\"a\""),
        ("min_by(people, &name).name", "\"a\""), ("max_by(empty, &age)", "null"),
        ("merge(o, `{\"y\": 3, \"z\": 4}`)", "{\"x\": 1, \"y\": 3, \"z\": 4}"),
        ("not_null(missing, `null`, a[0])", "3"), ("not_null(missing)", "null"),
        ("reverse(s)", "\"oll\\u00e9h\""), ("reverse(a)", "[2, 1, 3]"), ("sort(a)", "[1, 2, 3]"),
        ("sort(strs)", "[\"a\", \"b\", \"c\"]"), ("sort_by(people, &age)[].name", "[\"a\", \"c\", \"b\"]"),
        ("sort_by(empty, &age)", "[]"), ("to_array(s)", "[\"h\\u00e9llo\"]"), ("to_array(a)", "[3, 1, 2]"),
        ("to_string(o)", "\"{\\\"x\\\":1,\\\"y\\\":2}\""), ("to_string(s)", "\"h\\u00e9llo\""),
        ("to_number('12')", "12"), ("to_number(' 1.5e1 ')", "15"), ("to_number('1_000')", "1000"),
        ("to_number('.5')", "0.5"), ("to_number('x')", "null"), ("to_number(a)", "null"), ("to_number(n)", "-2.5"),
        ("type(n)", "\"number\""), ("type(o)", "\"object\""), ("type(missing)", "\"null\""), ("type(bools[0])", "\"boolean\""),
    ])
    func results(_ text: String, _ expected: String) throws {
        #expect(try result(text).serialized() == expected, "\(text)")
    }

    @Test("type errors", arguments: [
        "abs(s)", "avg(strs)", "avg(s)", "ceil(s)", "floor(a)", "contains(n, `1`)", "ends_with(a, 's')",
        "starts_with(s, `1`)", "join(`1`, strs)", "join('-', a)", "keys(a)", "values(s)", "length(n)",
        "map(a, &age)", "map(&age, o)", "max(mixed)", "max(o)", "min(bools)", "max_by(people, &missing)",
        "min_by(people, &[age])", "max_by(o, &age)", "merge(o, a)", "reverse(n)", "sort(mixed)",
        "sort(bools)", "sort_by(people, name)", "sort_by(`[{\"a\": 1}, {\"a\": \"x\"}]`, &a)", "sum(strs)",
        "starts_with(&s, s)", "abs(&n)", "to_string(&n)", "type(&n)", "not_null(&n)",
    ])
    func typeErrors(_ text: String) {
        #expect(errorKind(text) == .invalidType, "\(text)")
    }

    @Test("arity errors", arguments: [
        "abs()", "abs(n, n)", "avg()", "contains(a)", "ends_with(s)", "join('-')", "keys(o, o)",
        "length()", "map(&a)", "max()", "max_by(a)", "merge()", "min(a, a)", "min_by(a)", "not_null()",
        "reverse()", "sort()", "sort_by(a)", "starts_with(s)", "sum()", "to_array()", "to_string()",
        "to_number()", "type()", "values()", "floor()", "ceil(n, n)",
    ])
    func arityErrors(_ text: String) {
        #expect(errorKind(text) == .invalidArity, "\(text)")
    }

    @Test func unknownFunction() {
        #expect(errorKind("nope(a)") == .unknownFunction)
        #expect(errorKind("a[?Abs(@) > `1`]") == .unknownFunction)
    }

    @Test func sliceStepZeroIsInvalidValue() {
        #expect(errorKind("a[::0]") == .invalidValue)
        #expect(errorKind("missing[::0]") == nil)
    }

    @Test func sortIsStable() throws {
        let records: JSONValue = .array((0..<50).map { ["k": .number(Double($0 % 3)), "i": .number(Double($0))] })
        let sorted = try JMESPath.search("sort_by(@, &k)[].i", in: records)
        let expected: [JSONValue] = (0..<3).flatMap { k in (0..<50).filter { $0 % 3 == k }.map { .number(Double($0)) } }
        #expect(sorted == .array(expected))
    }

    @Test func everyFunctionIsKnown() {
        let names = Set(Function.allCases.map(\.rawValue))
        #expect(names == [
            "abs", "avg", "contains", "ceil", "ends_with", "floor", "join", "keys", "length", "map", "max",
            "max_by", "merge", "min", "min_by", "not_null", "reverse", "sort", "sort_by", "starts_with",
            "sum", "to_array", "to_string", "to_number", "type", "values",
        ])
    }
}
