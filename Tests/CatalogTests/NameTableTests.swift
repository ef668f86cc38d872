import Testing
@testable import Catalog

@Suite struct NameTableTests {
    @Test func lookups() {
        let names = ["incident-record-arn", "event-time", "a", "", "event-type", "no-deletion-protected"]
        let table = NameTable(names)
        for (i, name) in names.enumerated() {
            #expect(table.index(of: name) == i)
            #expect(table.index(of: Substring("--" + name).dropFirst(2)) == i)
            let bytes = Array(name.utf8)
            #expect(bytes.withUnsafeBytes { table.index(of: $0) } == i)
        }
        #expect(table.index(of: "event-tim") == nil)
        #expect(table.index(of: "incident-record-arm") == nil)
        #expect(table.index(of: "b") == nil)
    }

    @Test func duplicatesKeepTheFirst() {
        let table = NameTable(["x", "y", "x"])
        #expect(table.index(of: "x") == 0)
        #expect(table.count == 3)
    }

    @Test func manyNamesWithSharedEnds() {
        // Same length, same first and last eight bytes: the hash collides, the bytes decide.
        let names = (0..<500).map { "prefix--\(String($0, radix: 36).leftPad(3))--suffix" }
        let table = NameTable(names)
        for (i, name) in names.enumerated() { #expect(table.index(of: name) == i) }
        #expect(table.index(of: "prefix--zzz--suffix") == nil)
    }
}

private extension String {
    func leftPad(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
