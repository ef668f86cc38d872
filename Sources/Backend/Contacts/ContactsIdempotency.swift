import Catalog

extension ContactsCommand {
    /// Runs `body` once per `IdempotencyToken`: a retry with the same token and
    /// the same request answers what the first call answered and changes
    /// nothing; the same token with a different request is refused.
    func idempotent(_ body: () throws -> Value) throws -> Value {
        guard let token = try input.string("IdempotencyToken"), !token.isEmpty else { return try body() }
        let fingerprint = input.fingerprint(excluding: ["IdempotencyToken"])
        let scope = "\(context.accountId):\(context.region)"
        if let prior = try store.idempotency(account: scope, operation: operation.rawValue, token: token) {
            guard prior.fingerprint == fingerprint else {
                throw ContactsError.invalid("IdempotencyToken", "The IdempotencyToken \(token) was already used for a different \(operation) request. Use a new token for a new request.")
            }
            do { return try ValueCodec.decode(prior.response) } catch {
                throw ServiceError.store("The answer stored for IdempotencyToken \(token) can't be read back.")
            }
        }
        let result = try body()
        try store.putIdempotency(IdempotencyRecord(account: scope, operation: operation.rawValue, token: token,
                                                   fingerprint: fingerprint, response: ValueCodec.encode(result)))
        return result
    }
}
