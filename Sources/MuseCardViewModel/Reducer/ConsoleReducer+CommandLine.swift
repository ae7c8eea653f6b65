import MuseCardKit
import MuseCardOperations

/// The `:` commands, their completion and what each does.
enum ColonCommand {
    /// Every command name, in the order completion offers them.
    static let names = ["open", "find", "forget", "lock", "unlock", "ticket", "theme", "refresh", "q"]
    /// How many lines the history keeps.
    static let historyLimit = 50

    /// The command names starting with `prefix`.
    static func completions(_ prefix: String) -> [String] {
        names.filter { $0.hasPrefix(prefix) }
    }
}

extension ConsoleReducer {
    /// Keys while the command line is open: typing, Tab to complete, Up/Down for history, Enter to run.
    func commandLineKey(_ key: String, line: CommandLineState, state: inout ConsoleState) -> [Effect] {
        var line = line
        switch key {
        case "esc":
            state.ui.commandLine = nil
            return []
        case "enter":
            state.ui.commandLine = nil
            return runCommand(line.text, state: &state)
        case "backspace":
            if line.text.isEmpty {
                state.ui.commandLine = nil
                return []
            }
            line.text.removeLast()
        case "tab": complete(&line, state: &state)
        case "up", "down": walkHistory(key == "up" ? -1 : 1, line: &line, history: state.ui.commandHistory)
        default:
            guard let character = TextInput.character(for: key), line.text.count < CommandLineState.maxLength else { return [] }
            line.text.append(character)
            line.historyIndex = nil
        }
        state.ui.commandLine = line
        return []
    }

    /// Completes the command name, or a theme name after `theme `; with several candidates, as far as they agree, and names them.
    private func complete(_ line: inout CommandLineState, state: inout ConsoleState) {
        if line.text.hasPrefix("theme ") {
            let typed = String(line.text.dropFirst("theme ".count))
            guard !typed.contains(" ") else { return }
            let candidates = state.session.themeNames.filter { $0.hasPrefix(typed) }
            guard let completed = Self.completion(typed, candidates, shown: { $0 }, state: &state) else {
                state.ui.flash = Flash("No theme starts with \"\(ServiceText.sanitize(typed))\"", .error)
                return
            }
            line.text = "theme " + completed
            return
        }
        guard !line.text.contains(" ") else { return }
        let candidates = ColonCommand.completions(line.text) + state.session.aliases.keys.sorted().filter { $0.hasPrefix(line.text) }
        guard let completed = Self.completion(line.text, candidates, shown: { ":\($0)" }, state: &state) else {
            state.ui.flash = Flash("No command starts with \"\(ServiceText.sanitize(line.text))\"", .error)
            return
        }
        line.text = completed + (candidates.count == 1 ? " " : "")
    }

    /// The one candidate, or as far as several agree (naming them in the flash); nil when none.
    private static func completion(_ typed: String, _ candidates: [String], shown: (String) -> String,
                                   state: inout ConsoleState) -> String? {
        guard let first = candidates.first else { return nil }
        if candidates.count == 1 { return first }
        var common = first
        for candidate in candidates.dropFirst() { while !candidate.hasPrefix(common) { common.removeLast() } }
        state.ui.flash = Flash(candidates.map(shown).joined(separator: "  "), .info)
        return common
    }

    private func walkHistory(_ step: Int, line: inout CommandLineState, history: [String]) {
        guard !history.isEmpty else { return }
        if line.historyIndex == nil { line.draft = line.text }
        let next = (line.historyIndex ?? history.count) + step
        if next >= history.count {
            line.historyIndex = nil
            line.text = line.draft
        } else {
            line.historyIndex = max(0, next)
            line.text = history[max(0, next)]
        }
    }

    /// Runs one command line; an unknown command says so.
    func runCommand(_ text: String, state: inout ConsoleState) -> [Effect] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        state.ui.commandHistory.removeAll { $0 == trimmed }
        state.ui.commandHistory.append(trimmed)
        if state.ui.commandHistory.count > ColonCommand.historyLimit { state.ui.commandHistory.removeFirst() }
        var name = String(trimmed.prefix { $0 != " " })
        var argument = trimmed.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        // An alias stands for a whole command; what follows it is appended.
        if let expansion = state.session.aliases[name], !ColonCommand.names.contains(name) {
            let full = (expansion + " " + argument).trimmingCharacters(in: .whitespaces)
            name = String(full.prefix { $0 != " " })
            argument = full.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        }
        switch name {
        case "open":
            guard CardholderQuery.isIdentifier(argument) else {
                state.ui.flash = Flash(":open needs a user id (1–64 letters, digits, - or _)", .error)
                return []
            }
            let label = state.data.knownCardholders.first { $0.userId == argument }?.label
            return open(userId: argument, label: label, ticket: state.data.sessionTicket, state: &state)
        case "find":
            guard !argument.isEmpty else {
                state.ui.modal = .picker(PickerState())
                return [.loadCardholders]
            }
            var picker = PickerState()
            picker.input = argument
            state.ui.modal = .picker(picker)
            return [.loadCardholders] + pickerEnter(picker, state: &state)
        case "forget": return askToForgetCardholder(argument, state: &state)
        case "lock": return perform(.lock, state: &state)
        case "unlock": return perform(.unlock, state: &state)
        case "refresh": return perform(.refreshAll, state: &state)
        case "q", "quit": return perform(.quit, state: &state)
        case "ticket": return setTicket(argument, state: &state)
        case "theme":
            // Names only (no paths from the command line): letters, digits, - and _.
            guard CardholderQuery.isIdentifier(argument) else {
                state.ui.flash = Flash(":theme needs a theme name, e.g. :theme light", .error)
                return []
            }
            state.ui.themeName = argument
            state.ui.flash = Flash("Theme \(argument)…", .info)
            return []
        default:
            state.ui.flash = Flash("Unknown command :\(ServiceText.sanitize(name)) (known: \(ColonCommand.names.map { ":\($0)" }.joined(separator: " ")))", .error)
            return []
        }
    }

    /// With `require_ticket`, a change without a ticket opens `:ticket ` first; true when it did.
    func askForTicket(before action: KeyAction, state: inout ConsoleState) -> Bool {
        guard state.session.requireTicket, let binding = keys.binding(action), binding.isMutating,
              (state.data.cardholder?.ticket ?? state.data.sessionTicket) == nil else { return false }
        state.ui.modal = nil
        state.ui.commandLine = CommandLineState(text: "ticket ")
        state.ui.flash = Flash("This profile needs a ticket before the first change: type it, Enter, then \(binding.label) again", .info)
        return true
    }

    /// `:ticket SUP-2`: the ticket of the open cardholder and of every one opened afterwards.
    private func setTicket(_ ticket: String, state: inout ConsoleState) -> [Effect] {
        do throws(MusePayError) {
            try FieldRules.printable(ticket, field: "ticket", max: 64)
        } catch {
            state.ui.flash = Flash(":ticket \(error.description)", .error)
            return []
        }
        state.data.sessionTicket = ticket
        state.data.cardholder?.ticket = ticket
        state.ui.flash = Flash("Ticket \(ServiceText.sanitize(ticket)) applies to every change from now on, here and in cardholders opened next", .success)
        return []
    }
}
