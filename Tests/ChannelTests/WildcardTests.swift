@testable import Channel
import Testing

@Suite struct WildcardTests {
    @Test func flavours() {
        #expect(Wildcard("ssm-incidents:Get*", flavor: .action).matches("SSM-INCIDENTS:getincidentrecord"))
        #expect(!Wildcard("a*", flavor: .string).matches("A1"))
        #expect(Wildcard("a*c?", flavor: .string).matches("abbbcd"))
        #expect(Wildcard("*", flavor: .arn).matches("arn:aws:sns:us-east-1:1:t"))
        #expect(Wildcard("", flavor: .string).matches(""))
        #expect(!Wildcard("", flavor: .string).matches("x"))
    }

    @Test func policyVariablesAreLiteral() {
        var context = RequestContext()
        context["aws:username"] = "a*"
        let pieces = context.substitute("arn:aws:s3:::b/${aws:username}/${*}")!
        let w = Wildcard(text: "", flavor: .arn, pieces: pieces)
        #expect(w.matches("arn:aws:s3:::b/a*/*"))
        #expect(!w.matches("arn:aws:s3:::b/abc/x"))
        #expect(context.substitute("${aws:nothing}") == nil)
        #expect(context.substitute("${aws:nothing, 'guest'}")?.plainText == "guest")
    }
}
