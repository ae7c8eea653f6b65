import Foundation
import MuseCardTUI
import MuseCardTestSupport
import Testing

/// Theme files: the bundled ones load, errors name file and line, unset roles fall back.
struct ThemeLoaderTests {
    static let themes = Fixtures.root.appendingPathComponent("themes").path

    func parse(_ text: String) throws(ThemeError) -> Theme {
        try ThemeLoader.parse(text, name: "t", file: "t.yaml")
    }

    func error(_ text: String) -> ThemeError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["default", "light", "high-contrast", "mono"])
    func bundledThemesLoadAndSetEveryRole(name: String) throws {
        let theme = try ThemeLoader.load(path: "\(Self.themes)/\(name).yaml")
        let text = try String(contentsOfFile: "\(Self.themes)/\(name).yaml", encoding: .utf8)
        for role in Role.all { #expect(text.contains("  \(role):"), "\(name) sets \(role)") }
        #expect(theme.name == name)
    }

    @Test func defaultFileMatchesTheBuiltInTheme() throws {
        let theme = try ThemeLoader.load(path: "\(Self.themes)/default.yaml")
        #expect(theme.styles == Theme.builtIn.styles)
    }

    @Test func monoFileMatchesTheMonochromeTheme() throws {
        let theme = try ThemeLoader.load(path: "\(Self.themes)/mono.yaml")
        #expect(theme.isMonochrome)
        for role in Role.all { #expect(theme.style(for: role) == Theme.monochrome.style(for: role)) }
    }

    @Test func paletteColoursUse256WithAn8ColourFallback() throws {
        let theme = try parse("""
        roles:
          text.dim: {fg: grey, bold: true}
        palette:
          grey: {color: 244, fallback: white}
        """)
        let style = theme.style(for: Role.dim)
        #expect(style.fg.number(colors: 256) == 244)
        #expect(style.fg.number(colors: 8) == 7)
        #expect(style.bold)
    }

    @Test func unsetRolesFallBackToTheBuiltInDefault() throws {
        let theme = try parse("roles:\n  list.selected: {fg: yellow}\n")
        #expect(theme.style(for: Role.listSelected) == Style(fg: .basic(3)))
        #expect(theme.style(for: Role.badgeProduction) == Theme.builtIn.style(for: Role.badgeProduction))
        #expect(try parse("").styles == Theme.builtIn.styles)
    }

    @Test func unknownRoleNamesFileAndLine() {
        let found = error("palette:\n  grey: 244\nroles:\n  status.active: {fg: green}\n  status.froze: {fg: red}\n")
        #expect(found == ThemeError(file: "t.yaml", line: 5, message: "unknown role `status.froze`"))
        #expect(found?.description.hasPrefix("t.yaml:5: ") == true)
    }

    @Test func unknownColourNamesFileAndLine() {
        let found = error("roles:\n  text.dim:\n    fg: grey\n")
        #expect(found?.line == 3)
        #expect(found?.message.contains("unknown colour `grey`") == true)
    }

    @Test func badPaletteEntriesNameFileAndLine() {
        #expect(error("palette:\n  a: 300\n")?.line == 2)
        #expect(error("palette:\n  a: {color: 12, fallback: orange}\n")?.line == 2)
        #expect(error("palette:\n  a: {colour: 12}\n")?.line == 2)
        #expect(error("palette:\n  a: purple\n")?.message.contains("unknown colour `purple`") == true)
    }

    @Test func badStyleKeysAndSectionsNameFileAndLine() {
        #expect(error("roles:\n  topbar: {fg: red, blink: true}\n")?.line == 2)
        #expect(error("roles:\n  topbar: {bold: maybe}\n")?.message.contains("true or false") == true)
        #expect(error("colours:\n  a: red\n")?.line == 1)
        #expect(error("roles: [1, 2]\n")?.line == 1)
    }

    @Test func brokenYAMLNamesFileAndLine() {
        let found = error("roles:\n  topbar: {fg: red\n  text.dim: {}\n")
        #expect(found?.file == "t.yaml")
        #expect(found?.line != nil)
    }

    @Test func catalogueFindsUserThemesFirstAndHonoursNoColor() throws {
        let user = Fixtures.scratchPath("themes")
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: user) }
        try "roles:\n  topbar: {fg: magenta}\n".write(to: user.appendingPathComponent("light.yaml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(folders: [user.path, Self.themes])
        #expect(try catalog.theme(named: "light").style(for: Role.topBar) == Style(fg: .basic(5)))
        #expect(try catalog.theme(named: "high-contrast").name == "high-contrast")
        #expect(try catalog.select(name: "light", noColor: true, environment: [:]).isMonochrome)
        #expect(try catalog.select(name: "light", noColor: false, environment: ["NO_COLOR": "1"]).isMonochrome)
        #expect(try !catalog.select(name: "light", noColor: false, environment: ["NO_COLOR": ""]).isMonochrome)
        #expect(throws: ThemeError.self) { try catalog.theme(named: "nope") }
        #expect(catalog.names().contains("high-contrast"))
    }

    @Test func standardCatalogueUsesXDGAndFindsBundledThemes() {
        let catalog = ThemeCatalog.standard(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"],
                                            executable: Fixtures.productsFolder.appendingPathComponent("musecard").path)
        #expect(catalog.folders.first == "/x/musecard/themes")
        #expect(catalog.folders.last == Self.themes)
    }
}
