import Testing
@testable import Syntax

@Suite("Lexer: shell-style words")
struct LexerWordTests {
    @Test func whiteSpaceSeparatesWords() {
        #expect(lex("a  b\tc") == ["a", "b", "c"])
    }

    @Test func singleQuotesAreLiteral() {
        #expect(lex(#"'a $b \"c\" \n'"#) == [#"a $b \"c\" \n"#])
    }

    @Test func doubleQuotesTakePOSIXEscapes() {
        #expect(lex(#""say \"hi\" \\ \$5 \`x\` \q""#) == [#"say "hi" \ $5 `x` \q"#])
    }

    @Test func adjacentPartsJoin() {
        #expect(lex(#"arn:"a b"'c d'e\ f"#) == ["arn:a bc de f"])
    }

    @Test func backslashOutsideQuotesEscapesNextCharacter() {
        #expect(lex(#"a\ b \$x \'"#) == ["a b", "$x", "'"])
    }

    @Test func emptyQuotesMakeAnEmptyWord() {
        #expect(lex("a '' \"\" b") == ["a", "", "", "b"])
    }

    @Test func continuationJoinsLines() {
        #expect(lex("a \\\n b\\\nc", mode: .script) == ["a", "bc"])
        #expect(lex("a \\\r\n b", mode: .script) == ["a", "b"])
    }

    @Test func lineBreakIsSpaceInAMessageAndAnEndInAScript() {
        #expect(lex("a\nb") == ["a", "b"])
        #expect(lex("a\nb", mode: .script) == ["a", "⏎", "b"])
    }

    @Test func quotedStringsSpanLines() {
        #expect(lex("'a\nb'", mode: .script) == ["a\nb"])
    }

    @Test func commentsOnlyInScriptsAndOnlyAtWordStart() {
        #expect(lex("a #b c") == ["a", "#b", "c"])
        #expect(lex("a #b c", mode: .script) == ["a", "#b c"])
        #expect(lex("a#b", mode: .script) == ["a#b"])
    }
}

@Suite("Lexer: chat rewrites")
struct LexerChatTests {
    @Test func slackEscapesDecode() {
        #expect(lex("a&lt;b&gt;c&amp;d &x") == ["a<b>c&d", "&x"])
        #expect(lex("'&lt;'") == ["<"])
    }

    @Test func slackLinksBecomeTheirTarget() {
        #expect(lex("<https://example.com/x?a=1&amp;b=2|example.com/x>") == ["https://example.com/x?a=1&b=2"])
        #expect(lex("<http://x.io>") == ["http://x.io"])
        #expect(lex("<mailto:ana@example.com|ana@example.com>") == ["ana@example.com"])
        #expect(lex("--url=<https://x.io|x>") == ["--url=https://x.io"])
    }

    @Test func otherAngleBracketsStay() {
        #expect(lex("a<b <ftp://x> <https://a b>") == ["a<b", "<ftp://x>", "<https://a", "b>"])
    }

    @Test func nonBreakingSpaceIsASpace() {
        #expect(lex("a\u{00A0}b '\u{00A0}'") == ["a", "b", " "])
    }

    @Test func typographicQuotesAreTheirPlainTwins() {
        #expect(lex("“a b” ‘c d’ “x’s”") == ["a b", "c d", "x’s"])
        #expect(lex("\"mixed” ‘it’s’") == ["mixed", "it’s"])
    }

    @Test func apostropheInsideAWordIsNotAQuote() {
        #expect(lex("don’t panic") == ["don’t", "panic"])
    }

    @Test func dashFormsAreOneOption() {
        #expect(lex("--title -title —title –title") == ["--title", "--title", "--title", "--title"])
    }

    @Test func optionWithInlineValue() {
        #expect(lex("--title=a=b --x= --y='q r'") == ["--title=a=b", "--x=", "--y=q r"])
    }

    @Test func aDashWordThatIsNotAnOption() {
        #expect(lex("-5 -- — '--quoted' \\--escaped") == ["-5", "--", "—", "--quoted", "--escaped"])
    }

    @Test func bracketedValuesKeepSpacesAndQuotes() {
        #expect(lex(#"{"a": [1, 2], "b": "x y"} [a, b]"#) == [#"{"a": [1, 2], "b": "x y"}"#, "[a, b]"])
        #expect(lex(#"k={x=[a b]},m=1"#) == ["k={x=[a b]},m=1"])
    }

    @Test func bracketedValuesUseTypographicQuotesAsPlainOnes() {
        #expect(lex("{“a”: ‘b’}") == [#"{"a": 'b'}"#])
    }

    @Test func bracketsInsideStringsDoNotCount() {
        #expect(lex(#"{"a": "]}"} next"#) == [#"{"a": "]}"}"#, "next"])
    }

    @Test func unmatchedClosersAreLiteral() {
        #expect(lex("a] b}") == ["a]", "b}"])
    }
}

@Suite("Lexer: references")
struct LexerReferenceTests {
    func references(_ text: String) -> [String] {
        var lexer = Lexer(bytes: Array(text.utf8), mode: .script)
        return lexer.tokenize().flatMap { token -> [String] in
            if case .word(let w) = token { return w.interpolations.map { "\($0.offset):\($0.reference.spelling)" } }
            if case .option(let o) = token { return o.inlineValue?.interpolations.map { "\($0.offset):\($0.reference.spelling)" } ?? [] }
            return []
        }
    }

    @Test func bindingWithPath() {
        #expect(references("$incident.incidentRecordArn") == ["0:$incident.incidentRecordArn"])
        #expect(references("x$a.b[2].c.") == ["1:$a.b[2].c"])
        #expect(references("\"arn/$a\"") == ["4:$a"])
    }

    @Test func environmentVariable() {
        #expect(references("${ACCOUNT}/x") == ["0:${ACCOUNT}"])
        #expect(references("--arn=${A}") == ["0:${A}"])
    }

    @Test func noReferenceInSingleQuotesOrAfterBackslash() {
        #expect(references("'$a' \\$b $ $1") == [])
    }

    @Test func referencesInsideBracketedValues() {
        #expect(references(#"{"arn": "$inc.arn"}"#) == [#"9:$inc.arn"#])
    }

    @Test func malformedEnvironmentReference() {
        let (_, diagnostics) = parseScript("@aws s o --x ${1A}")
        #expect(diagnostics.map(\.code) == ["bad-reference"])
    }
}

@Suite("Lexer: ranges")
struct LexerRangeTests {
    @Test func wordsKeepByteRangeLineAndColumn() throws {
        var lexer = Lexer(bytes: Array("ab\n  “é f”".utf8), mode: .script)
        let tokens = lexer.tokenize()
        guard case .word(let w) = tokens[2] else { Issue.record("expected a word"); return }
        #expect(w.text == "é f")
        #expect(w.range.start == SourceLocation(offset: 5, line: 2, column: 3))
        #expect(w.range.end == SourceLocation(offset: 15, line: 2, column: 8))
    }

    @Test func sourceMapPointsInsideAValue() throws {
        let text = #"--x '{"a": 1}' "q\"r""#
        var lexer = Lexer(bytes: Array(text.utf8), mode: .message)
        let tokens = lexer.tokenize()
        guard case .word(let json) = tokens[1], case .word(let escaped) = tokens[2] else { Issue.record("expected words"); return }
        // The "a" of the JSON value, after the opening quote.
        #expect(json.sourceMap.sourceOffset(forText: 1) == 6)
        // The r after an escaped quote.
        #expect(escaped.sourceMap.sourceOffset(forText: 2) == 19)
    }

    @Test func optionNameRange() throws {
        let command = try #require(parseMessage("@aws s o —impact=2").command)
        let option = try #require(command.options.first)
        // @aws s o —impact=2: the name starts after the dash, the value after the =.
        #expect(option.nameRange.start.column == 11)
        #expect(option.nameRange.end.column == 17)
        #expect(option.values.first?.range.start.column == 18)
    }
}

@Suite("Lexer: bad bytes")
struct LexerBadByteTests {
    @Test func replacementCharacterMapsToTheBadByte() throws {
        let bytes = Array("--a".utf8) + [0xFF]
        let (_, diagnostics) = Parser.parseMessage(SourceFile(name: "<chat>", bytes: Array("s o ".utf8) + bytes))
        #expect(diagnostics.map(\.code) == ["bad-option-name", "invalid-utf8"])
        #expect(diagnostics.allSatisfy { $0.range.end.offset <= 8 })
    }
}

@Suite("Lexer: options after other words")
struct LexerOptionSequenceTests {
    @Test func aNumberAfterAWordIsNotAnOption() {
        // Found by the grammar property: a dash word was classified with the previous word's text.
        #expect(lex("Vr- -0 --C=1 x -y") == ["Vr-", "-0", "--C=1", "x", "--y"])
    }
}
