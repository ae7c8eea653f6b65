import Foundation
import MuseCardStore
import Testing

/// The console's profile settings: `refresh_seconds` and `require_ticket`.
struct ConsoleProfileConfigTests {
    @Test func refreshSecondsAndRequireTicketAreRead() throws {
        let config = try MuseCardConfig.load(path: try ConfigTests.write("""
            profiles:
              desk:
                refresh_seconds: 0
                require_ticket: true
              plain: {}
            """))
        #expect(config.profiles["desk"]?.refreshSeconds == 0 && config.profiles["desk"]?.requireTicket == true)
        #expect(config.profiles["plain"]?.refreshSeconds == nil && config.profiles["plain"]?.requireTicket == false)
    }

    @Test func badValuesNameTheirLine() throws {
        let error = try #require(try ConfigTests.failure("profiles:\n  desk:\n    refresh_seconds: soon\n"))
        #expect(error.line == 3 && error.message.contains("refresh_seconds must be a whole number"))
        #expect(try ConfigTests.failure("profiles:\n  desk:\n    require_ticket: maybe\n")?.message.contains("require_ticket must be true or false") == true)
    }
}
