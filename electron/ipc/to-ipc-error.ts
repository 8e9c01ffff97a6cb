/**
 * Errors of the main-process modules → the contract's stable codes. Messages are the modules' own
 * (they are written for users and never contain secrets); unknown errors become 'internal'.
 */
import type { IpcError } from '../../shared/ipc';
import { isXcapCoreError } from '../../shared/xcap/errors';
import { AuthError } from '../client/auth/auth-error';
import { XcapClientError } from '../client/client-error';
import { isGbaError } from '../gba/gba-error';
import { KeychainError } from '../keychain/keychain-error';
import { ProfileError } from '../profiles/profile-error';
import { IpcHandlerError } from './handlers';

export function toIpcError(error: unknown): IpcError {
  if (error instanceof IpcHandlerError) return { code: error.code, message: error.message };
  if (error instanceof ProfileError) return { code: error.code === 'profile-not-found' ? 'not-found' : 'profile-invalid', message: error.message, detail: error.code };
  if (error instanceof KeychainError) return { code: 'keychain', message: error.message, detail: error.code };
  if (error instanceof AuthError) return { code: 'auth', message: error.message, detail: error.code };
  if (error instanceof XcapClientError) return { code: clientErrorCode(error.code), message: error.message, detail: error.code };
  if (isGbaError(error)) return { code: error.code === 'usim-credentials' ? 'profile-invalid' : 'auth', message: error.message, detail: error.code };
  if (isXcapCoreError(error)) return { code: 'xcap-invalid', message: error.message, detail: error.code };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `internal error: ${message}` };
}

function clientErrorCode(code: XcapClientError['code']): IpcError['code'] {
  if (code === 'auth' || code === 'cancelled') return code;
  return code === 'invalid-argument' ? 'xcap-invalid' : 'network';
}
