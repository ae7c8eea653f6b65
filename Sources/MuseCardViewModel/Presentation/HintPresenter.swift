/// Footer hints: what the keys do right now, derived from the key table and the open popup.
public enum HintPresenter {
    public static func hints(_ state: ConsoleState, keys: KeyTable) -> [KeyHintModel] {
        switch state.ui.modal {
        case .menu?: return fixed([("j/k", "move"), ("⏎", "run"), ("esc", "close")])
        case .confirm?: return fixed([("y", "confirm"), ("n/esc", "cancel"), ("←/→", "focus")])
        case .form?: return fixed([("tab", "next field"), ("←/→", "choose"), ("⏎", "submit"), ("esc", "cancel")])
        case .help?: return fixed([("esc/?", "close help")])
        case .secretLink?: return fixed([("y", "copy the link"), ("esc", "close (the link is not kept)")])
        case .history?: return fixed([("j/k", "move"), ("y", "copy request id"), ("esc", "close")])
        case .transactions(let list)?:
            return list.detail == nil ? fixed([("j/k", "move"), ("⏎", "details")] + TransactionPresenter.filterKeys(keys)
                                              + [("y", "copy id"), ("esc", "close")])
                : fixed([("y", "copy id"), ("esc", "back to the list")])
        case .approvals?:
            let decide = [(KeyAction.approveRequest, "approve"), (.denyRequest, "deny")].compactMap { action, label in
                keys.primaryKey(action).map { (display($0), label) }
            }
            return fixed([("j/k", "move")] + decide + [("esc", "close")])
        case .picker?: return fixed([("↑/↓", "choose"), ("type", "id, xid, phone, email or name"), ("⏎", "find / open"),
                                      ("del", "forget"), ("esc", "close")])
        case nil: break
        }
        if state.ui.commandLine != nil { return fixed([("tab", "complete"), ("↑/↓", "history"), ("⏎", "run"), ("esc", "close")]) }
        if state.ui.isEditingFilter { return fixed([("type", "filter"), ("⏎", "keep"), ("esc", "drop")]) }
        var out = [KeyHintModel(key: "j/k", label: "move")]
        let marked = !state.ui.marked.isEmpty
        for binding in keys.bindings where binding.inHints {
            guard let key = binding.keys.first, ActionAvailability.whyNot(binding.action, in: state) == nil else { continue }
            out.append(KeyHintModel(key: display(key), label: (marked ? binding.onMarked : nil) ?? binding.label))
        }
        if !state.ui.filterText.isEmpty {
            out.insert(KeyHintModel(key: "esc", label: "clear filter"), at: 1)
        } else if marked {
            out.insert(KeyHintModel(key: "esc", label: "clear marks"), at: 1)
        }
        return out
    }

    /// How a key name is shown to people.
    public static func display(_ key: String) -> String {
        switch key {
        case "enter": return "⏎"
        case "up": return "↑"
        case "down": return "↓"
        case "left": return "←"
        case "right": return "→"
        case "space": return "␣"
        default: return key
        }
    }

    private static func fixed(_ pairs: [(String, String)]) -> [KeyHintModel] {
        pairs.map { KeyHintModel(key: $0.0, label: $0.1) }
    }
}
