import Testing
@testable import JMESPath

@Suite struct LexerTests {
    func kinds(_ text: String) throws -> [TokenKind] {
        try Lexer.tokenize(Array(text.utf8)).list.map(\.kind)
    }

    @Test func operators() throws {
        #expect(try kinds("a.b[0][*][] [?x]|y||z&&!w") == [
            .unquotedIdentifier, .dot, .unquotedIdentifier, .lbracket, .number, .rbracket,
            .lbracket, .star, .rbracket, .flatten, .filter, .unquotedIdentifier, .rbracket, .pipe,
            .unquotedIdentifier, .or, .unquotedIdentifier, .and, .not, .unquotedIdentifier, .eof,
        ])
        #expect(try kinds("< <= > >= == != & @ : , { } ( )") == [
            .lt, .lte, .gt, .gte, .eq, .ne, .expref, .current, .colon, .comma,
            .lbrace, .rbrace, .lparen, .rparen, .eof,
        ])
    }

    @Test func whitespaceIsSkipped() throws {
        #expect(try kinds(" \t\r\n a \n") == [.unquotedIdentifier, .eof])
    }

    @Test func offsetsAreBytes() throws {
        let tokens = try Lexer.tokenize(Array("ab . 'é' . c".utf8)).list
        #expect(tokens.map(\.offset) == [0, 3, 5, 10, 12, 13])
        #expect(tokens.map(\.end) == [2, 4, 9, 11, 13, 13])
    }

    @Test func numbers() throws {
        let tokens = try Lexer.tokenize(Array("[-12] [007] [99999999999999999999999]".utf8)).list
        #expect(tokens.filter { $0.kind == .number }.map(\.payload) == [-12, 7, Int.max])
    }

    @Test func identifiers() throws {
        let tokens = try Lexer.tokenize(Array(#"foo_1 "with space" "\u00e9\"" _x"#.utf8))
        #expect(tokens.names == ["with space", "é\""])
        #expect(tokens.list.map(\.kind) == [.unquotedIdentifier, .quotedIdentifier, .quotedIdentifier, .unquotedIdentifier, .eof])
        #expect(tokens.list.map(\.end) == [5, 18, 29, 32, 32])
    }

    @Test func rawStrings() throws {
        let tokens = try Lexer.tokenize(Array(#"'it\'s' '\\' '\z' ''"#.utf8))
        #expect(tokens.literals == [.string("it's"), .string(#"\\"#), .string(#"\z"#), .string("")])
    }

    @Test func literals() throws {
        let tokens = try Lexer.tokenize(Array(#"`1` `"a\`b"` `[1, {"x": null}]` `foo` ` bare words`"#.utf8))
        #expect(tokens.literals == [1, "a`b", [1, ["x": nil]], "foo", "bare words"])
    }

    @Test("lexical errors point at their column", arguments: [
        ("a = b", 3), ("foo ^", 5), ("a.-", 3), ("'open", 1), ("x.`open", 3),
        ("\"open", 1), ("`{\"a\": \"b\"`", 1), (#""\z""#, 1), ("é", 1), ("aé", 2), ("'é' ~", 5),
    ])
    func errors(_ text: String, _ column: Int) {
        let error = #expect(throws: JMESPathError.self) { try Lexer.tokenize(Array(text.utf8)) }
        #expect(error?.kind == .syntax)
        #expect(error?.column == column)
    }
}
