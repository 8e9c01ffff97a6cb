/** The `tls` part of a profile. File names must be absolute: a profile is used from any working directory. */
import { isAbsolute, win32 } from 'node:path';
import { arrayAt, booleanAt, invalid, objectAt, optional, required, stringAt } from './json-fields';
import type { ClientCertificateFiles, ProfileTls } from './profile';

export const MAX_CA_FILES = 32;
const MAX_PATH_LENGTH = 4096;
const PIN = /^sha256\/[A-Za-z0-9+/]{43}=$/;

export function readTls(value: unknown, path: string): ProfileTls {
  const record = objectAt(value, path, ['caFiles', 'pinSha256', 'clientCert', 'http2']);
  const caFiles = optional(record, 'caFiles', path, (files, at) => arrayAt(files, at, MAX_CA_FILES).map((file, index) => readFileName(file, `${at}[${index}]`)));
  const pinSha256 = optional(record, 'pinSha256', path, readPin);
  const clientCert = optional(record, 'clientCert', path, readClientCert);
  const http2 = optional(record, 'http2', path, booleanAt);
  return {
    ...(caFiles === undefined ? {} : { caFiles: Object.freeze(caFiles) }),
    ...(pinSha256 === undefined ? {} : { pinSha256 }),
    ...(clientCert === undefined ? {} : { clientCert }),
    ...(http2 === undefined ? {} : { http2 }),
  };
}

function readPin(value: unknown, path: string): string {
  const pin = stringAt(value, path, { maxLength: 100 });
  if (!PIN.test(pin)) invalid(path, 'must be sha256/ followed by 44 base64 characters (the SHA-256 of the server\'s public key), as `xcap` prints it');
  return pin;
}

function readClientCert(value: unknown, path: string): ClientCertificateFiles {
  const record = objectAt(value, path, ['certFile', 'keyFile', 'p12File']);
  if (record.p12File !== undefined) {
    if (record.certFile !== undefined || record.keyFile !== undefined) invalid(path, 'give either p12File, or certFile and keyFile, not both');
    return Object.freeze({ p12File: required(record, 'p12File', path, readFileName) });
  }
  if (record.certFile === undefined && record.keyFile === undefined) invalid(path, 'needs certFile and keyFile (PEM), or p12File (PKCS#12)');
  return Object.freeze({ certFile: required(record, 'certFile', path, readFileName), keyFile: required(record, 'keyFile', path, readFileName) });
}

export function readFileName(value: unknown, path: string): string {
  const file = stringAt(value, path, { maxLength: MAX_PATH_LENGTH });
  if (!isAbsolute(file) && !win32.isAbsolute(file)) invalid(path, 'must be an absolute file path');
  return file;
}
