import MuseCardKit
import Testing

/// Nonces are what the service checks for replays: 32 letters and digits, never repeated.
struct NonceTests {
    @Test func aNonceIs32LettersAndDigits() {
        for _ in 0..<1_000 {
            let nonce = Nonce.make()
            #expect(nonce.utf8.count == 32)
            #expect(nonce.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        }
    }

    @Test func noNonceRepeatsAndEveryLetterIsUsed() {
        let nonces = (0..<20_000).map { _ in Nonce.make() }
        #expect(Set(nonces).count == nonces.count)
        // 640,000 letters over 62: each appears about 10,300 times; a generator stuck on part of
        // the alphabet (or a modulo bias towards the first letters) would show here.
        var counts: [Character: Int] = [:]
        for nonce in nonces { for letter in nonce { counts[letter, default: 0] += 1 } }
        #expect(counts.count == 62)
        #expect(counts.values.allSatisfy { (9_500...11_100).contains($0) })
    }
}
