import Connectors
import Testing

@Suite("Slash command forms")
struct SlashCommandFormTests {
    @Test func slacksFormIsRead() throws {
        let body = "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=acme&channel_id=C2147483705"
            + "&channel_name=incident-response&user_id=U2147483697&user_name=alice&command=%2Faws"
            + "&text=ssm-incidents+list-incident-records+--query+%27incidentRecordSummaries%5B0%5D.title%27"
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678&trigger_id=13345224609.738474920.8088930838d88f008e0"
        let command = try SlashCommand(form: FormBody(Array(body.utf8)))
        #expect(command == SlashCommand(command: "/aws", text: "ssm-incidents list-incident-records --query 'incidentRecordSummaries[0].title'",
                                        userName: "alice", userId: "U2147483697", channelName: "incident-response",
                                        channelId: "C2147483705", teamDomain: "acme", teamId: "T0001",
                                        responseURL: "https://hooks.slack.com/commands/1234/5678"))
        #expect(command.message == "@aws ssm-incidents list-incident-records --query 'incidentRecordSummaries[0].title'")
    }

    @Test func decoding() {
        let form = FormBody(Array("a=1+2&b=%E2%80%9Cquoted%E2%80%9D&c&d=&e=100%&f=%zz&a=second&=x&g=%26%3D%2B".utf8))
        #expect(form["a"] == "1 2")                 // plus is a space; the first of a repeated name
        #expect(form["b"] == "\u{201C}quoted\u{201D}")  // UTF-8 escapes
        #expect(form["c"] == "")                    // a name alone
        #expect(form["d"] == "")
        #expect(form["e"] == "100%")                // a lone % is kept
        #expect(form["f"] == "%zz")                 // so is a malformed escape
        #expect(form[""] == "x")
        #expect(form["g"] == "&=+")                 // escaped separators are data
        #expect(form["missing"] == nil)
        #expect(FormBody([]).pairs.isEmpty)
        #expect(FormBody(Array("&&&".utf8)).pairs.isEmpty)
        // Invalid UTF-8 does not trap; it becomes replacement characters.
        #expect(FormBody(Array("t=%FF%FE".utf8))["t"] == "\u{FFFD}\u{FFFD}")
    }

    @Test func theUserMustBeNamed() throws {
        #expect(throws: SlashCommand.Malformed.self) { try SlashCommand(form: FormBody(Array("text=ssm-incidents+x".utf8))) }
        #expect(throws: SlashCommand.Malformed.self) { try SlashCommand(form: FormBody(Array("text=x&user_name=".utf8))) }
        // The id stands in for a missing name.
        #expect(try SlashCommand(form: FormBody(Array("text=x&user_id=U1".utf8))).userName == "U1")
        // Slack's certificate check names nobody.
        #expect(try SlashCommand(form: FormBody(Array("ssl_check=1&token=x".utf8))).isSSLCheck)
        // A response URL that is not http(s) is ignored.
        #expect(try SlashCommand(form: FormBody(Array("user_name=a&response_url=file%3A%2F%2F%2Fetc%2Fpasswd".utf8))).responseURL == nil)
    }

    @Test func theMessageGetsAMention() {
        func message(_ text: String) -> String { SlashCommand(text: text, userName: "a").message }
        #expect(message("ssm-incidents list-response-plans") == "@aws ssm-incidents list-response-plans")
        #expect(message("  alias list") == "@aws alias list")
        #expect(message("@aws ssm-incidents list-response-plans") == "@aws ssm-incidents list-response-plans")
        #expect(message("aws ssm-incidents list-response-plans") == "aws ssm-incidents list-response-plans")
        #expect(message("@Amazon Q ssm-incidents list-response-plans") == "@Amazon Q ssm-incidents list-response-plans")
    }

    @Test func repliesAreSlackMessages() {
        let ok = SlackReply.result(output: "{\n  \"a\": \"<b> & ```c```\"\n}\n", warnings: "")
        #expect(ok.visibility == .inChannel)
        #expect(ok.text == "```\n{\n  \"a\": \"&lt;b&gt; &amp; `\u{200B}`\u{200B}`c`\u{200B}`\u{200B}`\"\n}\n```")
        #expect(String(decoding: SlackReply(.ephemeral, text: "x").json, as: UTF8.self) == #"{"response_type":"ephemeral","text":"x"}"#)
        #expect(SlackReply.result(output: "", warnings: "").text == "Done (no output).")
        let warned = SlackReply.result(output: "1\n", warnings: "warning: topic t dropped it\n")
        #expect(warned.text == "```\n1\n```\n:warning: ```\nwarning: topic t dropped it\n```")
        let failed = SlackReply.failure("<chat>:1:5: error: unknown operation\n")
        #expect(failed.visibility == .ephemeral && failed.text == "```\n&lt;chat&gt;:1:5: error: unknown operation\n```")
        let long = SlackReply.result(output: String(repeating: "0123456789\n", count: 5000), warnings: "")
        // 54,999 characters without the last newline; cut after the last whole line within 39,000.
        #expect(long.text.count < 40_000 && long.text.contains("(cut: 16005 of 54999 characters left out; --query picks the fields you need, --max-items N"))
    }
}
