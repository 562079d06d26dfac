import FolioCore
import OrderedCollections

/// The CSL-JSON fields of a reference, in CSL's names (`container-title`, `URL`, …).
public enum CSLItem {
    public static func fields(of reference: Reference) -> OrderedDictionary<String, JSONValue> {
        var object = OrderedDictionary<String, JSONValue>()
        func names(_ names: [Name]) -> JSONValue {
            .array(names.map { name in
                var value = OrderedDictionary<String, JSONValue>()
                if let family = name.family { value["family"] = .string(family) }
                if let given = name.given { value["given"] = .string(given) }
                if let literal = name.literal { value["literal"] = .string(literal) }
                return .object(value)
            })
        }
        if !reference.authors.isEmpty { object["author"] = names(reference.authors) }
        if !reference.editors.isEmpty { object["editor"] = names(reference.editors) }
        if let issued = reference.issued {
            let parts = [issued.year, issued.month, issued.day].prefix { $0 != nil }.compactMap { $0 }
            object["issued"] = ["date-parts": .array([.array(parts.map(JSONValue.integer))])]
        }
        let strings: [(String, String?)] = [
            ("title", reference.title), ("container-title", reference.containerTitle),
            ("collection-title", reference.collectionTitle), ("publisher", reference.publisher),
            ("publisher-place", reference.publisherPlace), ("volume", reference.volume), ("issue", reference.issue),
            ("page", reference.page), ("edition", reference.edition), ("URL", reference.url),
            ("DOI", reference.doi), ("ISBN", reference.isbn),
        ]
        for (key, value) in strings {
            if let value { object[key] = .string(value) }
        }
        return object
    }
}
