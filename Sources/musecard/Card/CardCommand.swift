import ArgumentParser

/// `musecard card …`: one MusePay card call per subcommand, for scripts and the shell.
struct CardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "card",
        abstract: "Call the MusePay card API for one card.",
        subcommands: [
            GetCard.self, LockCard.self, UnlockCard.self, ActivateCard.self, ActivatePhysicalCard.self,
            UpdatePhone.self, ChangeLimit.self, ReplaceCard.self, ChangePIN.self, SensitiveInfo.self,
            ApplyCard.self, ApplyResultCommand.self, TransactionsCommand.self, TxnVerifyCommand.self,
        ]
    )
}

/// `--user`, `--card` and `--json`, shared by every single-card subcommand.
struct CardTarget: ParsableArguments {
    @Option(name: .customLong("user"), help: "Cardholder user id.")
    var userId: String

    @Option(name: .customLong("card"), help: "Card id.")
    var cardId: String

    @Flag(help: "Print the decoded answer as JSON.")
    var json = false
}
