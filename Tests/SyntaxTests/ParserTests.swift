import Testing
@testable import Syntax

@Suite("Parser: messages")
struct MessageParserTests {
    @Test func codeSpanIsRemoved() throws {
        let c = try #require(parseMessage("`@aws ssm-incidents list-incident-records`").command)
        #expect(c.operation.text == "list-incident-records")
    }

    @Test func codeFenceWithAndWithoutLanguageTag() throws {
        for text in ["```@aws ssm-incidents list-response-plans```",
                     "```\n@aws ssm-incidents list-response-plans\n```",
                     "```bash\n@aws ssm-incidents list-response-plans\n```\n"] {
            let c = try #require(parseMessage(text).command, "\(text)")
            #expect(c.operation.text == "list-response-plans")
            #expect(c.mention?.kind == .aws)
        }
    }

    @Test func backticksInsideTheCommandStay() throws {
        let c = try #require(parseMessage("`@aws ssm-incidents list-incident-records --query 'a[?b==`1`]'`").command)
        #expect(c.options.first?.values.first?.text == "a[?b==`1`]")
    }

    @Test func unclosedSpanOrFenceIsReported() {
        let (span, spanDiagnostics) = parseMessage("`@aws ssm-incidents x")
        #expect(spanDiagnostics.map(\.code) == ["unclosed-code-span"])
        #expect(span?.mention?.kind == .aws)
        let (fence, fenceDiagnostics) = parseMessage("```bash\n@aws ssm-incidents x")
        #expect(fenceDiagnostics.map(\.code) == ["unclosed-code-fence"])
        #expect(fence?.service.text == "ssm-incidents")
    }
}

@Suite("Parser: commands")
struct CommandParserTests {
    @Test(arguments: [("@aws", Mention.Kind.aws), ("@AWS", .aws), ("@q", .q), ("@Q", .q),
                      ("@Amazon Q", .amazonQ), ("@amazon q", .amazonQ), ("<@U0AWSBOT>", .slackUser)])
    func mentions(text: String, kind: Mention.Kind) throws {
        let c = try #require(parseMessage("\(text) ssm-incidents list-incident-records").command)
        #expect(c.mention?.kind == kind)
        #expect(c.service.text == "ssm-incidents")
    }

    @Test func noMentionAndAwsPrefix() throws {
        let bare = try #require(parseMessage("ssm-incidents list-incident-records").command)
        #expect(bare.mention == nil && bare.awsPrefix == nil)
        let pasted = try #require(parseMessage("aws ssm-incidents list-incident-records").command)
        #expect(pasted.awsPrefix != nil && pasted.service.text == "ssm-incidents")
        let both = try #require(parseMessage("@aws aws ssm-contacts list-contacts").command)
        #expect(both.mention != nil && both.awsPrefix != nil && both.service.text == "ssm-contacts")
    }

    @Test func amazonWithoutQIsNotAMention() throws {
        let c = try #require(parseMessage("@Amazon ssm-incidents x").command)
        #expect(c.mention == nil)
        #expect(c.service.text == "@Amazon")
    }

    @Test func anyNamesParse() throws {
        let c = try #require(parseMessage("@aws ssm-incidents no-such-thing").command)
        #expect(c.operation.text == "no-such-thing")
        #expect(parseMessage("@aws s3 ls").diagnostics.isEmpty)
    }

    @Test func argumentsBeforeOptions() throws {
        let c = try #require(parseMessage("@aws alias create page-db @aws ssm-contacts start-engagement --x").command)
        #expect(c.arguments.map(\.text) == ["page-db", "@aws", "ssm-contacts", "start-engagement"])
        #expect(c.options.map(\.name) == ["x"])
    }

    @Test func optionValuesFlagsAndLists() throws {
        let c = try #require(parseMessage("@aws ssm-incidents x --flag --tag-keys a b c --no-flag --n=1 2").command)
        #expect(c.options.map(\.name) == ["flag", "tag-keys", "no-flag", "n"])
        #expect(c.options.map { $0.values.map(\.text) } == [[], ["a", "b", "c"], [], ["1", "2"]])
        #expect(c.options[3].hasInlineValue)
        #expect(c.option("tag-keys")?.values.count == 3)
    }

    @Test func dashFormsAreKept() throws {
        let c = try #require(parseMessage("@aws s o --a 1 -b 2 —c 3 –d 4").command)
        #expect(c.options.map(\.dash) == [.double, .single, .emDash, .enDash])
        #expect(c.options.map(\.name) == ["a", "b", "c", "d"])
    }

    @Test func emptyMessage() {
        #expect(codes("") == ["empty-command"])
        #expect(codes("   \n ") == ["empty-command"])
        #expect(codes("``") == ["empty-command"])
    }

    @Test func loneMention() {
        let (command, diagnostics) = parseMessage("@aws")
        #expect(command == nil)
        #expect(diagnostics.map(\.code) == ["missing-service"])
        #expect(diagnostics.first?.message == "expected a service after '@aws'")
    }

    @Test func missingOperation() {
        #expect(codes("@aws ssm-incidents") == ["missing-operation"])
        #expect(codes("@aws ssm-incidents --title x") == ["missing-operation"])
        #expect(codes("@aws --title x") == ["missing-service"])
    }

    @Test func badOptionName() {
        #expect(codes("@aws s o --ti!tle x") == ["bad-option-name"])
    }

    @Test func severalErrorsAreReportedTogether() {
        let diagnostics = parseMessage("@aws s o --a\u{0} --b! x --c {[ --d 'open").diagnostics
        // The unclosed bracket does not swallow the options after it.
        #expect(diagnostics.map(\.code) == ["nul-byte", "bad-option-name", "unclosed-bracket", "unterminated-quote"])
        #expect(diagnostics.map(\.range.start.offset) == diagnostics.map(\.range.start.offset).sorted())
    }
}

@Suite("Parser: scripts")
struct ScriptParserTests {
    @Test func statementsCommentsAndBlankLines() {
        let (script, diagnostics) = parseScript("""
            # start
            @aws ssm-incidents list-incident-records   # all of them

            .advance 15m
            let plan = @aws ssm-incidents get-response-plan --arn ${PLAN_ARN}
            """)
        #expect(diagnostics.isEmpty)
        #expect(script.statements.count == 3)
        #expect(script.comments.map(\.text) == ["# start", "# all of them"])
    }

    @Test func binding() throws {
        let (script, _) = parseScript("let incident = @aws ssm-incidents start-incident --response-plan-arn $plan.arn")
        guard case .binding(let b) = try #require(script.statements.first) else { Issue.record("expected a binding"); return }
        #expect(b.name == "incident")
        #expect(b.command.operation.text == "start-incident")
        #expect(b.command.options.first?.values.first?.interpolations.first?.reference.spelling == "$plan.arn")
    }

    @Test func directive() throws {
        let (script, _) = parseScript(".output --json yaml")
        guard case .directive(let d) = try #require(script.statements.first) else { Issue.record("expected a directive"); return }
        #expect(d.name == "output")
        #expect(d.arguments.map(\.text) == ["--json", "yaml"])
    }

    @Test func continuedCommand() throws {
        let (script, diagnostics) = parseScript("@aws ssm-incidents create-timeline-event \\\n  --event-type 'Custom Event' \\\n  --event-data '\"x\"'\n")
        #expect(diagnostics.isEmpty)
        guard case .command(let c) = try #require(script.statements.first) else { Issue.record("expected a command"); return }
        #expect(c.options.map(\.name) == ["event-type", "event-data"])
        #expect(c.range.end.line == 3)
    }

    @Test(arguments: [
        ("let", "missing-binding-name"),
        ("let 1x = @aws s o", "bad-binding-name"),
        ("let x @aws s o", "missing-equals"),
        ("let x=@aws s o", "binding-needs-spaces"),
        ("let x = @aws", "missing-service"),
        ("let x = ", "missing-service"),
    ])
    func bindingErrors(text: String, code: String) {
        #expect(parseScript(text).diagnostics.map(\.code) == [code])
    }

    @Test func errorsOnSeveralLinesAreAllReported() {
        let (script, diagnostics) = parseScript("@aws\n@aws s o --x 'open\n")
        #expect(diagnostics.map(\.code) == ["missing-service", "unterminated-quote"])
        #expect(script.statements.count == 1)
    }

    @Test func goodLinesSurviveABadOne() {
        let (script, diagnostics) = parseScript("@aws s\n@aws s o\nlet = x\n@aws s p\n")
        #expect(diagnostics.count == 2)
        #expect(script.statements.count == 2)
    }
}
