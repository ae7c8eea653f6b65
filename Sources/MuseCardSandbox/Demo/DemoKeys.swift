import Foundation

/// Fixed demo key pairs for the sandbox (test keys made once with openssl; they protect nothing).
public enum DemoKeys {
    /// The demo partner's private key (PKCS#8 PEM): the client signs with it.
    public static let partnerPrivateKey = """
        -----BEGIN PRIVATE KEY-----
        MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDSxp2YZqJdYHsU
        EXZ17sJ8TFbfcxfWKL27nVHPxpm4lsEHM39eMhy90Z+zjsJqrXPE7MOxw2NhH/TH
        UO/54b2dpaLY1pcNzWvFDxmEnaCql/w6/SWYDaKMrvXFqSLZmbzBLsR0MxjWrZHv
        TkKBEZ2wNgL5f/V4TuAe9uiwShkFq29+fOD8g5UMssIjXEhCiQs1gFc7cPS8V+ch
        MOoDpv33thVhexGMj4TvZ7wjuXjxrl+AAz3WdOKp+CHq/dae9OPn/wT9ArsXzSeG
        k+Ru8SZTenrU9KDzRDEFRx9N1CeT6bY0Uf3eQOB1YgMJVAL9G4CDvnbc4xQRE42y
        gP8EyIuhAgMBAAECggEAG0nSmn9jMwKsPJ9m062V6Wt6wyg5TvqXAeTEHvSKmgmO
        iST42amplfEUo4sZOaAmQQ8ZkPiyc58kXO+/ef2+GQcaS8eQkUgQqq0h88zylv42
        uNkQa8dheE794S7cz7Ol6pQ9pAD/jL+2XqH7szkkI22tZJRVTqkA6ZFe89VMDbMg
        OOch1hVdWtpXOARGkU2+2FDGTd0DAXgJX2fAfSZa8YJd/0sNoyOQ3zrukdESVPsK
        5JGZ54EYy4ZfxNngCaawYnAl6SEnWMcjNbV09e8RKIYHj4PYpCH/IgJ38HbSoyD2
        l7EIKDFxeqTW2VXlnKZB92epqWDScUZN6wB4oMI0HwKBgQD4XrtVoS7vMlruUYzD
        wfecIRsp6OGLrvjjLFvTPCWywvzz25ihdrjobGYM7JhDuDjcJXR11optgkyRLCZ+
        f1TuIr/oyUPBzDMQ5M/0dIBuRQzcX2KJG2bcVudqCsjkuLcaAPgKdLgiWhZac1J8
        eTYnVH4WUzZxlrir2aLSMD/bLwKBgQDZQDrfK/H/wJiLB7eYFg2mg01OyylCOiY+
        FqkxUriR9QbeGZevX87Bo41stwW6LbS8eZ1LZ0IXe+I8waCxI4AEdc3Us9JuGzUT
        HIsPHlk7k35tTv6FC2Sv54kj24SJkxrdEdO80K/6/r0agNApVY+7uYnfcV3fVgBA
        VwsXbToSLwKBgF2FJhrfH1IX7t9Pu6Y2Uirq2FSWiN7U2oiHume2fSdrfl3AMR+T
        GZsCvgZdzBOruVVDkS+RwfvsFTKQokn9Xhhw4zwfFLFTV2MkFR2iBH4A6A/Opsaj
        l76dxnNKbkyZNPDIrp0ZSAA/Va1nQQb3iSmUCgoT+SsaKp0izMlCO7knAoGAY2Uf
        ijtw3LIhGHrPZKWyWRx5ojMRDVvNY1q6zfYqu5x/J95Np88NqUpKyhJybFu89P4v
        GPCFLHlhaKqt+l1jlKbRJR+ghv+rqLLGbIRWDwvMK/aYPAaaamBkPiOQ3+CNydb+
        KMTRvuQNYLLOihq7SAf7LF+RszyFoOoyCOXQS8ECgYB2CW7CX2nsCbPhmG7c1hJH
        BOXkaLyKNqK5qOV5OHXs6h/qbruAk3W2N6KB8rdKajA6R5+7QU4aFF43r7vSwo0d
        lwvm9lYznl8vrm+CTDnridu14RyHL0thbOsDpEwKSbLAMT/kDf4yYg9LGhDCFM+w
        AU/pLg/0e4qTexraDfU/+Q==
        -----END PRIVATE KEY-----
        """

    /// The demo partner's public key (SubjectPublicKeyInfo PEM): the sandbox verifies with it.
    public static let partnerPublicKey = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0sadmGaiXWB7FBF2de7C
        fExW33MX1ii9u51Rz8aZuJbBBzN/XjIcvdGfs47Caq1zxOzDscNjYR/0x1Dv+eG9
        naWi2NaXDc1rxQ8ZhJ2gqpf8Ov0lmA2ijK71xaki2Zm8wS7EdDMY1q2R705CgRGd
        sDYC+X/1eE7gHvbosEoZBatvfnzg/IOVDLLCI1xIQokLNYBXO3D0vFfnITDqA6b9
        97YVYXsRjI+E72e8I7l48a5fgAM91nTiqfgh6v3WnvTj5/8E/QK7F80nhpPkbvEm
        U3p61PSg80QxBUcfTdQnk+m2NFH93kDgdWIDCVQC/RuAg7523OMUERONsoD/BMiL
        oQIDAQAB
        -----END PUBLIC KEY-----
        """

    /// The sandbox's platform private key (PKCS#8 PEM): it decrypts card PINs.
    public static let platformPrivateKey = """
        -----BEGIN PRIVATE KEY-----
        MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQCY/yPwK0hIiPQS
        xjoTRcJ/JwujOmeTd5CLGHiuUvgFbPI3tJj/EeOCAFwx0ZvgGfVbdnHUWqERMmJV
        5jacW+0R7GxeoyShaNg5ZmjCKnS3WNYhQvD2cLwT0maxl25v8yBM9PyYdS08x76a
        mtANjsM7KROQB8GNVIs4eWjsCAGv85DRxGRY4KP09wSnNNjXr9cL+pyA01UF6nh6
        wM4Xs/LKucfR5RzrM3Iv0nk8Es9bN+s7B+bIqxbKd1BeKhQf6yK09Fnvkqw4vdHG
        i8AuvPv81lwEiexOcRPsPYajCr5Sj+tDUMkSNeR/iOV9YW5VyDcaJGtOsUgXZFSO
        tsMjqBNPAgMBAAECggEAKPUwoURtAuIK+RWxCWTE9zY0MtvZS4yYGOyRrhVPCWDL
        jScfSDV5Qt2m0L1s7bb1TKluOquSb+Cdm6JYH06qrgAtWL5y+XTwYZltVQF5onW5
        SUk66bZvWx0Z2dQQwA6FqKRzFLtVw24zs/7a0K5VzHooHwg8hAHMjW9PK9TO4tO2
        876AElPePUOkQC7dSC3fM8z7rp4Jp34BPiHl+vFy1LZg4lRbo4Qv1/OaXLjzqotC
        xan31A84XawEZH3Jc+pdaeOLGg9ks3kBvXyvccBTe7lwFkMraWWdqUYdjPi2na5A
        k1nAxKSnQEBRRty92jRkGs1RXwkMNh8+XsoBGqHBrQKBgQDOg+QrZ/CaBSVnfBns
        fuQZPzskBamk0OosggW48/qH2isvbWS1GObRT/lqn8eMZ4G7GtXFxYTZZVFJRmNc
        KnIupqDvhH+ForjV4S5fHszJ3+YjmcFJNAP7YajFW0reUxzHQSBbd/8/DRlmMa4v
        2wMyrsLadzStiiILLJ8SPttBWwKBgQC9qEzFYvTNTM3+ur/K8GYirOY7rU99p4q3
        HWANVABObtI7jSSAbK36OSYAJyYr8PoR919oCS6nJBvZZkpR4Z27zzfnU7bEsZ2/
        CPgSU99H49uRpBpCXj1WTwHjG/xgknXyHms64kvkm4noSxRri800syZ/O2NuCb1J
        GSE2ptjEHQKBgQCZZMALObYuQRpKZpS+5HW7Bwt/szER+hemnaFwgtCZLgUbwk6m
        cWupF5U0jJ/k+1ESUFlvAEqwS6B4I+9TmzeazSwHHMy3z2kpfIw8HR2R6VwBH4jB
        PgCjLSP2C9xtjSB4JDjLmDMgezNdhBNU+oHCmKqlKRwYttyYnjk9jTDAtwKBgQCb
        1iBOyELSNlvFBPn27JVfxKXhP0TjwLjwQYjdKrqdt92y5QSrKaHCyxZ4ZbKtxHIW
        NScFuxXEbJ0dgzlqEnKjEV+kCltRP4iYoewEUzpSPd36y9Zv1jOcKYspa6NyTqXv
        biM53RvzGgK1Bowe2l6hANuPC+NlVUddOvLZjzrp2QKBgQCARvkUk8dDGBjggyRc
        D9+XfX3DU8yiVZGvuHEHXeoS/kTy9PKdGSrDbs+JsaiF0/mAWfKAhV8qTxrdDLHW
        Jp8EwKmcpORV2fDNJYPui23A6zcuD3gmHwxJeiW8VOMRzw7QkQ5Tm/+8KgTTQ+Sh
        sN+2HI4W43TM/Esj3YV+ZiJkNA==
        -----END PRIVATE KEY-----
        """

    /// The platform public key (SubjectPublicKeyInfo PEM): the client encrypts PINs with it.
    public static let platformPublicKey = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmP8j8CtISIj0EsY6E0XC
        fycLozpnk3eQixh4rlL4BWzyN7SY/xHjggBcMdGb4Bn1W3Zx1FqhETJiVeY2nFvt
        EexsXqMkoWjYOWZowip0t1jWIULw9nC8E9JmsZdub/MgTPT8mHUtPMe+mprQDY7D
        OykTkAfBjVSLOHlo7AgBr/OQ0cRkWOCj9PcEpzTY16/XC/qcgNNVBep4esDOF7Py
        yrnH0eUc6zNyL9J5PBLPWzfrOwfmyKsWyndQXioUH+sitPRZ75KsOL3RxovALrz7
        /NZcBInsTnET7D2Gowq+Uo/rQ1DJEjXkf4jlfWFuVcg3GiRrTrFIF2RUjrbDI6gT
        TwIDAQAB
        -----END PUBLIC KEY-----
        """

    /// Writes the two keys a client needs into `folder` (created 0700, files 0600) and
    /// returns their paths.
    public static func writeClientFiles(to folder: URL) throws -> (partnerPrivateKey: String, platformPublicKey: String) {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let privatePath = folder.appendingPathComponent("partner_private.pem").path
        let publicPath = folder.appendingPathComponent("platform_public.pem").path
        for (path, text) in [(privatePath, partnerPrivateKey), (publicPath, platformPublicKey)] {
            // Create owner-only before writing, so the key is never readable by others.
            if !manager.fileExists(atPath: path) {
                guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
                }
            }
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        return (privatePath, publicPath)
    }
}
