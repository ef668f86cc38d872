import Catalog
import Foundation

/// PutContactPolicy and GetContactPolicy: the resource policy that shares a
/// contact with other accounts. One policy a contact; putting replaces it.
extension ContactsCommand {
    func putContactPolicy() throws -> Value {
        var contact = try contact(id: try input.requiredString("ContactArn"), member: "ContactArn")
        let policy = try input.requiredString("Policy")
        guard let object = try? JSONSerialization.jsonObject(with: Data(policy.utf8)), object is [String: Any] else {
            throw ContactsError.invalid("Policy", "Policy must be a JSON policy document (an object with Version and Statement).")
        }
        contact.policy = policy
        try store.putContact(contact)
        return emptyOutput
    }

    func getContactPolicy() throws -> Value {
        let contact = try contact(id: try input.requiredString("ContactArn"), member: "ContactArn")
        return structure(("ContactArn", .string(contact.arn)), ("Policy", .text(contact.policy)))
    }
}
