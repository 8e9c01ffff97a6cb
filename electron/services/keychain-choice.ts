/**
 * The OS keychain when it answers; otherwise (a headless lab host without a Secret Service) an
 * in-memory keychain for this session only, said clearly on stderr and in app.info.
 */
import { KEYCHAIN_SERVICE, MemoryKeychain, OsKeychain, type Keychain } from '../keychain';

export async function chooseKeychain(warn: (line: string) => void): Promise<{ keychain: Keychain; kind: 'os' | 'memory' }> {
  // XCAP_KEYCHAIN=memory: nothing touches the OS keychain (tests; throw-away lab sessions).
  if (process.env.XCAP_KEYCHAIN === 'memory') return { keychain: new MemoryKeychain(), kind: 'memory' };
  try {
    const keychain = new OsKeychain();
    await keychain.get(KEYCHAIN_SERVICE, 'probe:availability');
    return { keychain, kind: 'os' };
  } catch (error) {
    warn(`xcap-console: the OS keychain is not available (${(error as Error).message}); passwords are kept in memory for this session only`);
    return { keychain: new MemoryKeychain(), kind: 'memory' };
  }
}
