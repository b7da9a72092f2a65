// The one place where diagnostic reasons become words: severity, rule id,
// message and hint, each a single switch over `DiagnosticReason`.

extension DiagnosticReason {
    /// Warnings are published anyway; errors stop the build.
    public var severity: Severity {
        switch self {
        case .ignoredFile, .singleValueForList, .fileNameNotSlug, .draftReference, .draftLink, .topicSpelling,
             .sessionNotInSeries, .brokenWikiLink, .brokenFileLink, .unknownAnchor, .unusedTheme, .noTheme,
             .privacyPossibleName, .privacyUnusedAllow:
            return .warning
        case .privacyNHSNumber(_, let certain):
            return certain ? .error : .warning
        default:
            return .error
        }
    }

    /// Whether the problem is with the file as a whole rather than a place in
    /// it, so no source line is shown.
    public var concernsWholeFile: Bool {
        switch self {
        case .unreadable, .changedWhileBuilding, .outsideKnownFolders, .ignoredFile, .symbolicLink, .utf16, .fileTooLarge, .tooManyDocuments,
             .renderTooSlow, .reservedName, .unsafeFileName, .attachmentCollision,
             .fileNameNotSlug, .duplicateAddress, .reservedAddress, .missingTemplate, .unusedTheme, .noTheme,
             .privacyInFileName:
            return true
        default:
            return false
        }
    }

    /// Whether printing the source line would show what the diagnostic hides:
    /// a person's name (e-mail addresses and numbers are masked in the line instead).
    public var hidesSourceLine: Bool {
        switch self {
        case .privacyNameWithoutConsent, .privacyPossibleName: return true
        default: return concernsWholeFile
        }
    }

    /// A stable identifier for the rule, for filtering and for tools.
    public var ruleID: String {
        switch self {
        case .unreadable: return "load.unreadable"
        case .changedWhileBuilding: return "load.changed-while-building"
        case .outsideKnownFolders: return "load.unknown-folder"
        case .ignoredFile: return "load.ignored-file"
        case .symbolicLink: return "load.symbolic-link"
        case .invalidUTF8: return "encoding.invalid-utf8"
        case .utf16: return "encoding.utf16"
        case .fileTooLarge: return "limit.file-size"
        case .nulCharacter: return "encoding.nul"
        case .tooManyDocuments: return "limit.documents"
        case .markdownNestedTooDeeply: return "limit.markdown-nesting"
        case .tooManyOpenBrackets: return "limit.open-brackets"
        case .renderTooSlow: return "limit.render-time"
        case .reservedName: return "name.reserved"
        case .unsafeFileName: return "name.unsafe"
        case .attachmentCollision: return "name.collision"
        case .missingFrontMatter: return "front-matter.missing"
        case .unclosedFrontMatter: return "front-matter.unclosed"
        case .yamlSyntax: return "front-matter.syntax"
        case .duplicateKey: return "front-matter.duplicate-key"
        case .anchorOrAlias: return "front-matter.alias"
        case .notFieldList: return "front-matter.not-fields"
        case .nestedTooDeeply: return "limit.nesting"
        case .missingField: return "field.missing"
        case .unknownField: return "field.unknown"
        case .wrongType: return "field.type"
        case .ambiguousScalar: return "field.unquoted"
        case .emptyValue: return "field.empty"
        case .singleValueForList: return "field.single-value"
        case .invalidDate: return "field.date"
        case .invalidBand: return "field.band"
        case .invalidChoice: return "field.choice"
        case .unknownPillar: return "field.pillar"
        case .invalidTime: return "field.time"
        case .invalidWebAddress: return "field.web-address"
        case .invalidEmail: return "field.email"
        case .invalidLanguage: return "field.language"
        case .invalidSlug: return "slug.invalid"
        case .fileNameNotSlug: return "slug.file-name"
        case .numberOutOfRange: return "field.range"
        case .invalidFilePath: return "field.file-path"
        case .sessionWithoutSeries: return "meeting.session-without-series"
        case .duplicateAddress: return "address.duplicate"
        case .reservedAddress: return "address.reserved"
        case .unknownReference: return "reference.unknown"
        case .draftReference, .draftLink: return "reference.draft"
        case .unknownTheme: return "theme.unknown"
        case .unusedTheme: return "theme.unused"
        case .noTheme: return "theme.none"
        case .privacyEmail: return "privacy.email"
        case .privacyPhone: return "privacy.phone"
        case .privacyNHSNumber: return "privacy.nhs-number"
        case .privacyNameWithoutConsent: return "privacy.name-without-consent"
        case .privacyPossibleName: return "privacy.possible-name"
        case .privacyInFileName: return "privacy.file-name"
        case .privacyAllowWithoutReason: return "privacy.allow-without-reason"
        case .privacyUnknownAllowKind: return "privacy.allow-unknown-kind"
        case .privacyUnusedAllow: return "privacy.unused-allow"
        case .invalidDocumentReference: return "consent.document"
        case .topicSpelling: return "topic.spelling"
        case .duplicateSession: return "series.duplicate-session"
        case .sessionNotInSeries: return "series.unknown-session"
        case .missingFile: return "file.missing"
        case .brokenWikiLink: return "link.broken"
        case .ambiguousWikiLink: return "link.ambiguous"
        case .brokenFileLink: return "link.broken-file"
        case .unknownAnchor: return "link.anchor"
        case .templateSyntax: return "template.syntax"
        case .missingTemplate: return "template.missing"
        case .unknownTemplateName: return "template.unknown-name"
        }
    }

    /// What is wrong, in one plain sentence.
    public var message: String {
        switch self {
        case .unreadable(let detail): return "this file cannot be read (\(detail))"
        case .changedWhileBuilding: return "this file changed while the site was being built"
        case .outsideKnownFolders: return "this Markdown file is not in a folder Compendium knows"
        case .ignoredFile: return "this file is not Markdown and not in content/files/, so it is not published"
        case .symbolicLink: return "this is a symbolic link; it was not read"
        case .invalidUTF8: return "the file is not valid UTF-8 text"
        case .utf16: return "the file is saved as UTF-16 text"
        case .fileTooLarge(let bytes, let limit):
            return "the file is \(bytes) bytes, more than the limit of \(limit) bytes"
        case .nulCharacter: return "the file contains a NUL character, so it is not a text file"
        case .tooManyDocuments(let count, let limit): return "there are \(count) documents, more than the limit of \(limit)"
        case .markdownNestedTooDeeply(let depth, let limit):
            return "the text nests quotes or lists \(depth) levels deep, more than the limit of \(limit)"
        case .tooManyOpenBrackets(let count, let limit):
            return "a paragraph leaves \(count) '[' unclosed, more than the limit of \(limit)"
        case .renderTooSlow(let seconds):
            return "the text took more than \(seconds) seconds to render, so the build was stopped"
        case .reservedName(let name): return "'\(name)' is a name some systems reserve (such as CON or NUL)"
        case .unsafeFileName(let name): return "the file name '\(name.visible)' has characters that are not safe in a web address"
        case .attachmentCollision(let otherFile):
            return "this file's name differs from \(otherFile) only in letter case or accents"
        case .missingFrontMatter: return "the file does not start with front matter"
        case .unclosedFrontMatter: return "the front matter that starts here is never closed"
        case .yamlSyntax(let problem, let context):
            return "the front matter is not valid YAML: \(problem)" + (context.map { " (\($0))" } ?? "")
        case .duplicateKey(let key): return "the field '\(key)' is given more than once"
        case .anchorOrAlias: return "YAML anchors and aliases (&name, *name) are not supported"
        case .notFieldList: return "the front matter must be a list of 'field: value' lines"
        case .nestedTooDeeply(let limit): return "the front matter is nested more than \(limit) levels deep"
        case .missingField(let field, let kind): return "\(kind.withArticle) needs a '\(field)' field"
        case .unknownField(let field, let kind, _, _): return "'\(field)' is not a field of \(kind.withArticle)"
        case .wrongType(let field, let expected, let found): return "'\(field)' should be \(expected), not \(found)"
        case .ambiguousScalar(let field, let value, let readAs):
            return "'\(field): \(value)' is read as \(readAs), not as text"
        case .emptyValue(let field): return "'\(field)' is empty"
        case .singleValueForList(let field, _): return "'\(field)' should be a list; it was read as a list of one"
        case .invalidDate(let field, let value): return "'\(field)' is '\(value)', which is not a date"
        case .invalidBand(let value): return "band '\(value)' is not an Agenda for Change band (2–9, 8a–8d)"
        case .invalidChoice(let field, let value, _, _): return "'\(value)' is not a valid \(field)"
        case .unknownPillar(let value, _, _): return "'\(value)' is not one of the pillars in the site configuration"
        case .invalidTime(let field, let value): return "'\(field)' is '\(value)', which is not a time or time range"
        case .invalidWebAddress(let field, let value): return "'\(field)' is '\(value)', which is not a web address"
        case .invalidEmail(let field, let value): return "'\(field)' is '\(value)', which is not an e-mail address"
        case .invalidLanguage(let value): return "'\(value)' is not a language tag"
        case .invalidSlug(let value, _): return "'\(value.visible)' is not a valid slug"
        case .fileNameNotSlug(let name, let slug):
            return "the file name '\(name.visible)' is not a slug, so its address uses '\(slug)'"
        case .numberOutOfRange(let field, let value, let minimum):
            return "'\(field)' is \(value); it must be \(minimum) or more"
        case .invalidFilePath(let field, let value):
            return "'\(field)' is '\(value)', which is not a path inside content/files/"
        case .sessionWithoutSeries: return "'session' is given without a 'series'"
        case .duplicateAddress(let url, let otherFile): return "the address \(url) is also claimed by \(otherFile)"
        case .reservedAddress(let url, let owner): return "the address \(url) belongs to \(owner)"
        case .unknownReference(let field, let value, let kind, _, _):
            return "'\(field)' names '\(value)', but there is no \(kind) with that slug"
        case .draftReference(let field, let value):
            return "'\(field)' names '\(value)', which is a draft and not published"
        case .draftLink(let target): return "wiki-link [[\(target)]] leads to a draft, which is not published"
        case .unknownTheme(let value, _): return "unknown theme '\(value)'"
        case .unusedTheme: return "no document discusses this theme"
        case .noTheme(let kind): return "this \(kind) has no themes, so no theme page lists it"
        case .privacyEmail(let masked): return "an e-mail address (\(masked)) would be published"
        case .privacyPhone(let masked): return "a phone number (\(masked)) would be published"
        case .privacyNHSNumber(let masked, let certain):
            return certain ? "an NHS number (\(masked)) would be published" : "\(masked) looks like an NHS number"
        case .privacyNameWithoutConsent(let masked):
            return "\(masked) is named here, but the consent register does not record their agreement for this document"
        case .privacyPossibleName(let masked): return "\(masked) may be a person's name in a personal story"
        case .privacyInFileName(let kind, let masked): return "the file name contains \(kind) (\(masked))"
        case .privacyAllowWithoutReason: return "a privacy allow comment must give a reason"
        case .privacyUnknownAllowKind(let kind): return "'\(kind)' is not something a privacy comment can allow"
        case .privacyUnusedAllow(let kind): return "this comment allows \(kind), but there is none to allow"
        case .invalidDocumentReference(let value): return "'\(value)' does not name a document"
        case .topicSpelling(let written, let preferred): return "topic '\(written)' is spelled '\(preferred)' elsewhere"
        case .duplicateSession(let series, let number, let otherFile):
            return "session \(number) of '\(series)' is also claimed by \(otherFile)"
        case .sessionNotInSeries(let series, let number): return "series '\(series)' lists no session \(number)"
        case .missingFile(let path): return "the file '\(path)' does not exist"
        case .brokenWikiLink(let target, _): return "wiki-link [[\(target)]] has no target"
        case .ambiguousWikiLink(let target, let candidates):
            return "wiki-link [[\(target)]] could mean \(candidates.map { "[[\($0)]]" }.joined(separator: " or "))"
        case .brokenFileLink(let destination): return "the link to '\(destination)' does not lead to a document or file"
        case .unknownAnchor(let target, let fragment, _): return "'\(target)' has no heading '\(fragment)'"
        case .templateSyntax(let problem): return "the template cannot be read: \(problem)"
        case .missingTemplate(let name): return "the template set has no template '\(name)'"
        case .unknownTemplateName(let name): return "no page provides '{{\(name)}}', so it would always be empty"
        }
    }

    /// How to fix it, when there is something useful to say.
    public var hint: String? {
        switch self {
        case .outsideKnownFolders(let folders):
            return "move it into one of: " + folders.map { "content/\($0)/" }.joined(separator: ", ")
        case .ignoredFile: return "put files to download in content/files/, or remove this one"
        case .symbolicLink: return "replace the link with a copy of the file"
        case .invalidUTF8, .utf16: return "save the file as UTF-8 in your editor (\"Save with encoding\")"
        case .fileTooLarge: return "split the document into smaller ones, or raise limits.file_size in compendium.yml"
        case .nulCharacter: return "save the file again as plain text (UTF-8)"
        case .tooManyDocuments: return "raise limits.documents in compendium.yml if the content really is this large"
        case .markdownNestedTooDeeply: return "flatten the quotes or lists, or raise limits.nesting in compendium.yml"
        case .tooManyOpenBrackets: return "close the brackets, or put the text in a code block"
        case .renderTooSlow: return "simplify the text around deeply nested brackets, quotes or lists"
        case .reservedName: return "choose another file name or slug"
        case .unsafeFileName: return "rename it using letters, digits, hyphens, underscores and dots"
        case .attachmentCollision: return "rename one of the files so the names differ by more than case or accents"
        case .missingFrontMatter:
            return "start the file with a line '---', then fields such as 'title: …', then another line '---'"
        case .unclosedFrontMatter: return "add a line with just '---' after the last field"
        case .yamlSyntax:
            return "check the indentation and quotes here; text containing ': ' or starting with [ { * & ! | > ' \" % @ needs \"quotes\""
        case .duplicateKey(let key): return "keep one '\(key):' line and delete the other"
        case .anchorOrAlias: return "write each value out in full"
        case .notFieldList: return "each line should look like 'title: Supervision'"
        case .nestedTooDeeply: return "flatten the structure"
        case .missingField(let field, _): return "add a line such as '\(field): …' to the front matter"
        case .unknownField(_, let kind, let suggestion, let allowed):
            if let suggestion { return "did you mean '\(suggestion)'?" }
            return "fields \(kind.withArticle) can have: " + allowed.joined(separator: ", ")
        case .wrongType: return nil
        case .ambiguousScalar(let field, let value, _): return "put the value in quotes: \(field): \"\(value)\""
        case .emptyValue: return "give it a value or delete the line"
        case .singleValueForList(let field, let value): return "write it as a list: \(field): [\(value)]"
        case .invalidDate: return "write dates as YYYY-MM-DD, for example 2025-11-21"
        case .invalidBand: return "write the band as a number from 2 to 9, or 8a, 8b, 8c or 8d"
        case .invalidChoice(_, _, let allowed, let suggestion):
            if let suggestion { return "did you mean '\(suggestion)'?" }
            return "choose one of: " + allowed.joined(separator: ", ")
        case .unknownPillar(_, let suggestion, let defined):
            if let suggestion { return "did you mean '\(suggestion)'?" }
            if defined.isEmpty { return "list the career framework's pillars under 'pillars:' in compendium.yml" }
            return "choose one of: " + defined.joined(separator: ", ")
        case .invalidTime: return "write times as 14:00, or a range as 14:00–16:00"
        case .invalidWebAddress: return "give the full address, starting with https://"
        case .invalidEmail: return "give an address such as team@example.org"
        case .invalidLanguage: return "use a tag such as en-GB"
        case .invalidSlug(_, let suggestion): return "use lower-case letters, digits and hyphens, for example '\(suggestion)'"
        case .fileNameNotSlug(_, let slug): return "rename the file to '\(slug).md'"
        case .numberOutOfRange: return nil
        case .invalidFilePath: return "put the file in content/files/ and give its path from content/, for example files/job.pdf"
        case .sessionWithoutSeries: return "add 'series:' with the slug of the series"
        case .duplicateAddress: return "rename one of the files, or give one a 'slug:' field"
        case .reservedAddress: return "choose another file name or 'slug:'"
        case .unknownReference(let field, _, let kind, let suggestion, let foundKind):
            if let suggestion { return "did you mean '\(suggestion)'?" }
            if let foundKind { return "that slug is \(foundKind.withArticle), but '\(field)' needs \(kind.withArticle)" }
            return "check the slug, or add the \(kind) it names"
        case .draftReference, .draftLink: return "publish that document (remove 'draft: true') or remove the reference"
        case .unknownTheme(_, let suggestion):
            if let suggestion { return "did you mean '\(suggestion)'?" }
            return "themes are the files in content/themes/: add one there, or use a topic instead"
        case .unusedTheme: return "tag the documents that discuss it with this theme, or remove the theme"
        case .noTheme: return "add 'themes: [...]' with the slugs of the themes it discusses (see content/themes/)"
        case .privacyEmail:
            return "remove it; a person who agreed can have it as 'contact' with 'contact_public: true', and a role address "
                + "can be listed under 'role_addresses' in compendium.yml"
        case .privacyPhone, .privacyNHSNumber, .privacyInFileName:
            return "remove it; if it must stay, add <!-- privacy: allow KIND reason=\"why\" --> on the line"
        case .privacyNameWithoutConsent:
            return "remove the name, or record their agreement for this document in the consent register"
        case .privacyPossibleName:
            return "describe the experience without naming the person, or add <!-- privacy: allow name reason=\"why\" -->"
        case .privacyAllowWithoutReason: return "write it as <!-- privacy: allow email reason=\"why it may be published\" -->"
        case .privacyUnknownAllowKind: return "allow one of: email, phone, nhs-number, name"
        case .privacyUnusedAllow: return "remove the comment"
        case .invalidDocumentReference: return "name a document as folder/slug, such as meetings/2025-11-21, or write all"
        case .topicSpelling(_, let preferred): return "write '\(preferred)' everywhere so the topic has one name"
        case .duplicateSession: return "check the session numbers"
        case .sessionNotInSeries: return "add the session to the series' 'sessions' list, or correct the number"
        case .missingFile: return "add the file under content/files/, or correct the path"
        case .brokenWikiLink(_, let suggestion):
            if let suggestion { return "did you mean [[\(suggestion)]]?" }
            return "link to a document by its slug, the file name without .md"
        case .ambiguousWikiLink(_, let candidates): return "write one of them in full, for example [[\(candidates[0])]]"
        case .brokenFileLink: return "check the path (links to other documents end in .md); web addresses start with https://"
        case .unknownAnchor(_, _, let suggestion):
            if let suggestion { return "did you mean '#\(suggestion)'?" }
            return "link to a heading by its words, for example [[slug#Heading words]]"
        case .templateSyntax: return "check that every {{#section}} has a matching {{/section}}"
        case .missingTemplate: return "add the file to the template set, or use the default template set"
        case .unknownTemplateName: return "check the spelling against the names the default templates use"
        case .unreadable: return nil
        case .changedWhileBuilding: return "build again once the file is saved; nothing was published"
        }
    }
}

extension String {
    /// The text with invisible characters (controls, zero-width spaces and
    /// other format characters) written as `<U+200B>`, so a message shows them.
    var visible: String {
        var text = ""
        for scalar in unicodeScalars {
            let category = scalar.properties.generalCategory
            if category == .control || category == .format {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                text += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}

private extension String {
    /// "a meeting", "an organisation".
    var withArticle: String {
        guard let first = first else { return self }
        return ("aeiou".contains(first) ? "an " : "a ") + self
    }
}
