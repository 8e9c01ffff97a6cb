/**
 * The OS keychain as the console uses it: one secret per (service, account), never written
 * anywhere else. Implementations reject with KeychainError; a rejection never means "nothing
 * stored" (only `get` resolving null does).
 */
import type { Secret } from '../secrets/secret';

/** The service name every console secret is stored under. */
export const KEYCHAIN_SERVICE = 'xcap-console';

export interface Keychain {
  /** The stored secret, or null when none is stored. Rejects when the keychain cannot be read (locked, unreachable). */
  get(service: string, account: string): Promise<Secret | null>;
  /** Stores `secret`, replacing any earlier one. */
  set(service: string, account: string, secret: Secret): Promise<void>;
  /** true when a secret was deleted, false when none was stored. */
  delete(service: string, account: string): Promise<boolean>;
}
