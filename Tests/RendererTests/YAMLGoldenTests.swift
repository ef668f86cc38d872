import JMESPath
import Renderer
import Testing

/// `--output yaml` of the realistic and edge documents, kept as golden files
/// (`Golden/yaml/NAME.yaml`; UPDATE_GOLDEN=1 rewrites them).
@Suite struct YAMLGoldenTests {
    static let documents = Documents.realistic + Documents.edges

    @Test(arguments: documents.map(\.name))
    func golden(_ name: String) throws {
        let d = Self.documents.first { $0.name == name }!
        let text = Renderer(format: .yaml).render(d.document, title: d.title)
        let difference = try Golden.check(text, "yaml/\(name).yaml")
        #expect(difference == nil, "\(difference ?? "")")
    }

    @Test func emptyResponsePrintsNothing() {
        #expect(Renderer(format: .yaml).render([:], title: "UpdateIncidentRecord") == "")
    }

    @Test func scalarsEndTheDocument() {
        let r = Renderer(format: .yaml)
        #expect(r.render("arn:aws:x", title: "Q") == "arn:aws:x\n...\n")
        #expect(r.render(3, title: "Q") == "3\n...\n")
        #expect(r.render("true", title: "Q") == "'true'\n")
        #expect(r.render([], title: "Q") == "[]\n")
    }

    @Test func quotesOnlyWhatWouldReadBackAsSomethingElse() {
        let r = Renderer(format: .yaml)
        let out = r.render(["a": "yes", "b": "true", "c": "2026-11-24T10:00:00+00:00", "d": "1.0", "e": "plain words", "f": ""], title: "Q")
        #expect(out == "a: yes\nb: 'true'\nc: '2026-11-24T10:00:00+00:00'\nd: '1.0'\ne: plain words\nf: ''\n")
    }
}
