extension ConsoleReducer {
    /// A paste goes to the focused text input as text (a form field, the picker's user id, the
    /// filter being typed) and nowhere else: it is never read as keys.
    func pasted(_ raw: String, state: inout ConsoleState) -> [Effect] {
        if state.ui.isTerminalTooSmall { return [] }
        let text = TextInput.pasted(raw)
        switch state.ui.modal {
        case .form(var form)?:
            guard form.fields.indices.contains(form.focused) else { return ignorePaste("no text field is focused", state: &state) }
            let field = form.fields[form.focused]
            guard field.choices.isEmpty else { return ignorePaste("the focused field is a choice (←/→)", state: &state) }
            let room = max(0, field.maxLength - field.value.count)
            form.fields[form.focused].value += text.prefix(room)
            form.fields[form.focused].error = text.count > room ? Self.tooLong(field) : nil
            state.ui.modal = .form(form)
        case .picker(var picker)?:
            picker.input += text.prefix(max(0, PickerState.maxInputLength - picker.input.count))
            picker.error = nil
            state.ui.modal = .picker(picker)
        case nil where state.ui.commandLine != nil:
            var line = state.ui.commandLine ?? CommandLineState()
            line.text += text.prefix(max(0, CommandLineState.maxLength - line.text.count))
            state.ui.commandLine = line
        case nil where state.ui.isEditingFilter:
            state.ui.filterText += text.prefix(max(0, ConsoleUI.maxFilterLength - state.ui.filterText.count))
            Navigation.keepSelectionVisible(&state)
        default:
            return ignorePaste("no text field is focused", state: &state)
        }
        return []
    }

    private func ignorePaste(_ reason: String, state: inout ConsoleState) -> [Effect] {
        state.ui.flash = Flash("Paste ignored: \(reason)", .info)
        return []
    }
}
