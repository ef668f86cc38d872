import Testing
@testable import Syntax

@Suite("Printer")
struct PrinterTests {
    func canonical(_ text: String) -> String? {
        parseMessage(text).command.map(Printer.print)
    }

    @Test func canonicalForms() {
        #expect(canonical("@AWS ssm-incidents x —title “a b” -n=3 --flag") == "@aws ssm-incidents x --title 'a b' --n 3 --flag")
        #expect(canonical("@Amazon   Q aws s o --v it\\'s") == #"@Amazon Q aws s o --v "it's""#)
        // Quotes are removed before words are sorted: '-x' is the option -x, as
        // the shell and the AWS CLI see it; a value that starts like an option is inline.
        #expect(canonical("s o --v '-x' '' '$y' &amp;lt;") == #"s o --v --x '' '$y' '&amp;lt;'"#)
        #expect(canonical("s o --v=-x '' --w='--y' z") == #"s o --v='-x' '' --w='--y' z"#)
        #expect(canonical(#"s o '--name=value' "--regions" --na'me'=v"#) == "s o --name value --regions --name v")
        #expect(canonical(#"s o --v "--a b" '-5' \-x"#) == "s o --v '--a b' '-5' --x")
        #expect(canonical(#"s o --j {"a": [1, 2]}"#) == #"s o --j '{"a": [1, 2]}'"#)
    }

    @Test func referencesStayBareBetweenQuotedText() throws {
        let (script, _) = parseScript("@aws s o --arn \"x/$inc.arn.y z\" ${HOME}")
        #expect(Printer.print(script) == "@aws s o --arn 'x/'$inc.arn.y' z' ${HOME}\n")
    }

    @Test func leadingWordsThatWouldBeKeywordsAreQuoted() throws {
        let (script, _) = parseScript("'let' x y\n'.advance' o\n")
        #expect(Printer.print(script) == "'let' x y\n'.advance' o\n")
        let reparsed = parseScript(Printer.print(script)).script
        #expect(TreeDump(ranges: false).text(reparsed) == TreeDump(ranges: false).text(script))
    }
}
