/// Checks on policy text that tools outside the module need.
public enum ChannelPolicyText {
    /// What is wrong with an action name (`service:Action`, wildcards allowed), nil when nothing.
    public static func actionProblem(_ action: String) -> String? {
        PolicyParser.actionProblem(action).map { $0.message + ($0.suggestion.map { "; \($0)" } ?? "") }
    }
}
