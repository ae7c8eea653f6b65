#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
// The system's OpenSSL 3 libcrypto: RSA signing (LibCryptoRSAKey.swift) and random bytes (Nonce.swift).
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#endif
