import Catalog

extension IncidentsCommand {
    /// Runs `body` once per `clientToken`: a retry with the same token and the
    /// same request answers what the first call answered and changes nothing;
    /// the same token with a different request is a conflict.
    func idempotent(_ body: () throws -> Value) throws -> Value {
        guard let token = try input.string("clientToken"), !token.isEmpty else { return try body() }
        let fingerprint = input.fingerprint(excluding: ["clientToken"])
        if let prior = try store.idempotency(account: context.accountId, operation: operation.rawValue, token: token) {
            guard prior.fingerprint == fingerprint else {
                throw ServiceError(.conflict, "The clientToken \(token) was already used for a different \(operation) request. Use a new token for a new request.")
            }
            do { return try ValueCodec.decode(prior.response) } catch {
                throw ServiceError.store("The answer stored for clientToken \(token) can't be read back.")
            }
        }
        let result = try body()
        try store.putIdempotency(IdempotencyRecord(account: context.accountId, operation: operation.rawValue, token: token,
                                                   fingerprint: fingerprint, response: ValueCodec.encode(result)))
        return result
    }
}
