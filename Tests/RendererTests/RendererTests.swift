import JMESPath
import Renderer
import Testing

/// Behaviour that holds whether or not the AWS CLI is installed to compare with.
@Suite struct RendererTests {
    @Test func formatsByName() {
        #expect(OutputFormat(rawValue: "table") == .table)
        #expect(OutputFormat.allCases.map(\.rawValue) == ["json", "yaml", "text", "table"])
    }

    @Test func emptyResponsePrintsNothingButEmptyListsDo() {
        #expect(Renderer(format: .json).render([:], title: "T") == "")
        #expect(Renderer(format: .json).render([], title: "T") == "[]\n")
        #expect(Renderer(format: .text).render([:], title: "T") == "")
        #expect(Renderer(format: .table).render([:], title: "T") == "")
        #expect(Renderer(format: .table).render(0, title: "T") == "")
    }

    @Test func jsonKeepsNonASCII() {
        #expect(Renderer().render(["t": "東京 \"x\"\n"], title: "T") == "{\n    \"t\": \"東京 \\\"x\\\"\\n\"\n}\n")
    }

    @Test func textOfQueryResults() {
        let r = Renderer(format: .text)
        #expect(r.render("arn:aws:x", title: "T") == "arn:aws:x\n")
        #expect(r.render(nil, title: "T") == "None\n")
        #expect(r.render(true, title: "T") == "True\n")
        #expect(r.render(2.5, title: "T") == "2.5\n")
        #expect(r.render(["a", "b", 3], title: "T") == "a\tb\t3\n")
        #expect(r.render([["a", 1], ["b", 2]], title: "T") == "a\t1\nb\t2\n")
    }

    @Test func textOfObjects() {
        let doc: JSONValue = ["z": 1, "a": "x", "items": [["k": "v", "n": 1], ["k": "w"]], "tags": ["b": "2"]]
        #expect(Renderer(format: .text).render(doc, title: "T") == "x\t1\nITEMS\tv\t1\nITEMS\tw\t\nTAGS\t2\n")
    }

    @Test func tableBoxes() {
        let doc: JSONValue = ["arn": "arn:x", "status": "OPEN"]
        #expect(Renderer(format: .table).render(doc, title: "GetIncidentRecord") == """
            ---------------------
            | GetIncidentRecord |
            +--------+----------+
            |   arn  | status   |
            +--------+----------+
            |  arn:x |  OPEN    |
            +--------+----------+

            """)
    }

    @Test func tableTurnsVerticalWhenTooWide() {
        let doc: JSONValue = ["first": .string(String(repeating: "a", count: 40)), "second": .string(String(repeating: "b", count: 40))]
        let narrow = Renderer(format: .table, width: 40).render(doc, title: "T")
        #expect(narrow.contains("|  first |"))
        #expect(narrow.split(separator: "\n").count == 6)
        let wide = Renderer(format: .table, width: 200).render(doc, title: "T")
        #expect(wide.split(separator: "\n").count == 7)
        #expect(Renderer(format: .table).render(doc, title: "T") == narrow)  // no terminal: 80 columns
    }

    @Test func tableColoursOnlyWhenAsked() {
        let doc: JSONValue = ["a": "1", "b": "2"]
        #expect(!Renderer(format: .table).render(doc, title: "T").contains("\u{1B}"))
        let coloured = Renderer(format: .table, colors: true).render(doc, title: "T")
        #expect(coloured.contains("\u{1B}[1m\u{1B}[34m1\u{1B}[0m"))
        #expect(!Renderer(format: .json, colors: true).render(doc, title: "T").contains("\u{1B}"))
    }

    @Test func tableMeasuresWideCharacters() {
        let out = Renderer(format: .table).render(["名前": "東京"], title: "T")
        let lines = out.split(separator: "\n")
        #expect(lines.contains("|  名前 |  東京  |"))
    }
}
