/**
 * Public API of the OS keychain. Secrets go in and come out as Secret values; every failure is a
 * KeychainError with a stable code. See os-keychain.ts for how each platform's store is chosen.
 */
export { KEYCHAIN_SERVICE, type Keychain } from './keychain';
export { isKeychainError, KeychainError, type KeychainErrorCode, type KeychainOperation } from './keychain-error';
export { OsKeychain, type OsKeychainOptions } from './os-keychain';
export { MemoryKeychain } from './memory-keychain';
