import Channel
import Testing

@Suite struct AliasTests {
    @Test(arguments: ["a", "note", "Note_2", "page-oncall", String(repeating: "x", count: 30)])
    func goodNames(_ name: String) throws {
        try Alias.validate(name: name)
    }

    @Test(arguments: ["", "bad name", "naïve", "semi;colon", "$x", String(repeating: "x", count: 31), "dot.ted"])
    func badNames(_ name: String) {
        #expect(throws: AliasError.self) { try Alias.validate(name: name) }
        do { try Alias.validate(name: name) } catch { #expect(error.kind == .invalidName) }
    }

    @Test func commandLength() throws {
        let prefix = "ssm-incidents list-incident-records --max-items "
        _ = try Alias(name: "ok", command: prefix + String(repeating: "1", count: Alias.maxCommandLength - prefix.count))
        #expect(throws: AliasError(.commandTooLong, "the command text of alias long has 5001 characters; at most 5000 are allowed")) {
            try Alias(name: "long", command: prefix + String(repeating: "1", count: Alias.maxCommandLength - prefix.count + 1))
        }
        #expect(throws: AliasError.self) { try Alias(name: "empty", command: "   ") }
    }

    @Test func parametersInOrder() throws {
        let a = try Alias(name: "note", command: "ssm-incidents create-timeline-event --incident-record-arn $Arn --event-type \"Custom Event\" --event-data \"\\\"$Text\\\"\" --x $Arn")
        #expect(a.parameters == ["Arn", "Text"])
    }

    @Test func expansion() throws {
        let a = try Alias(name: "note", command: "ssm-incidents create-timeline-event --incident-record-arn $Arn --event-type 'Custom Event' --event-data \"$Text\"")
        let out = try a.expand(arguments: ["Arn=arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4", "Text=say \"hi\" for $5"])
        #expect(out == "ssm-incidents create-timeline-event --incident-record-arn arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4 --event-type 'Custom Event' --event-data \"say \\\"hi\\\" for \\$5\"")
    }

    @Test func valuesOutsideQuotesStayOneWord() throws {
        let a = try Alias(name: "title", command: "ssm-incidents update-incident-record --arn $Arn --title $Title")
        #expect(try a.expand(arguments: ["Arn=a", "Title=It's down"]) == "ssm-incidents update-incident-record --arn a --title 'It'\\''s down'")
        #expect(try a.expand(arguments: ["Arn=a", "Title="]) == "ssm-incidents update-incident-record --arn a --title ''")
        // An = inside a value is part of the value.
        #expect(try a.expand(arguments: ["Arn=a=b", "Title=x"]) == "ssm-incidents update-incident-record --arn a=b --title x")
    }

    @Test func valuesInsideSingleQuotes() throws {
        let a = try Alias(name: "q", command: "ssm-incidents update-incident-record --arn a --summary '$S done'")
        #expect(try a.expand(arguments: ["S=Bob's"]) == "ssm-incidents update-incident-record --arn a --summary 'Bob'\\''s done'")
    }

    @Test func missingVariables() throws {
        let a = try Alias(name: "note", command: "ssm-incidents create-timeline-event --incident-record-arn $Arn --event-data $Text")
        #expect(throws: AliasError(.missingVariables, "alias note needs a value for $Text",
                                   suggestion: "@aws run note Arn=... Text=...")) {
            try a.expand(arguments: ["Arn=x"])
        }
    }

    @Test func unknownAndMalformedArguments() throws {
        let a = try Alias(name: "list", command: "ssm-incidents list-incident-records")
        #expect(throws: AliasError(.unknownVariable, "alias list has no variable $Foo; it takes none")) { try a.expand(arguments: ["Foo=1"]) }
        #expect(throws: AliasError(.malformedArgument, "argument \"Foo\" is not of the form Variable=value")) { try a.expand(arguments: ["Foo"]) }
        #expect(throws: AliasError.self) { try a.expand(arguments: ["=1"]) }
    }

    @Test func theMemoryStore() async throws {
        let store: any AliasStore = MemoryAliasStore()
        try await store.save(try Alias(name: "b", command: "ssm-incidents list-response-plans"), replace: false)
        try await store.save(try Alias(name: "a", command: "ssm-incidents get-incident-record --arn $Arn"), replace: false)
        #expect(try await store.list().map(\.name) == ["a", "b"])
        await #expect(throws: AliasError.self) { try await store.save(try Alias(name: "a", command: "x y"), replace: false) }
        try await store.save(try Alias(name: "a", command: "ssm-incidents get-incident-record --arn $A"), replace: true)
        #expect(try await store.expand("a", arguments: ["A=x"]) == "ssm-incidents get-incident-record --arn x")
        await #expect(throws: AliasError(.notFound, "there is no alias zz", suggestion: "@aws alias list")) { try await store.expand("zz", arguments: []) }
        await #expect(throws: AliasError.self) { try await store.expand("bad name", arguments: []) }
        try await store.delete(named: "a")
        await #expect(throws: AliasError.self) { try await store.delete(named: "a") }
        #expect(try await store.list().map(\.name) == ["b"])
    }
}
