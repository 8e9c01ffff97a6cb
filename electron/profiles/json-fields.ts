/**
 * Reading untrusted JSON one field at a time, with the path of every problem
 * (`profiles[2].tls.caFiles[0]`) in the error. Strict: unknown fields are errors, so a typo such
 * as `pinsha256` is reported instead of silently ignored.
 */
import { ProfileError } from './profile-error';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function fieldPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

export function invalid(path: string, problem: string): never {
  throw new ProfileError('profile-invalid', path === '' ? problem : `${path}: ${problem}`, { path });
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A plain object whose keys are all in `allowed`. */
export function objectAt(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(path, `must be an object, not ${describeType(value)}`);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) invalid(fieldPath(path, key), `unknown field; the fields here are ${allowed.join(', ')}`);
  }
  return record;
}

/** An object used as a map: any keys, checked by the caller. */
export function recordAt(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(path, `must be an object, not ${describeType(value)}`);
  return value as Record<string, unknown>;
}

export function arrayAt(value: unknown, path: string, maxLength: number): readonly unknown[] {
  if (!Array.isArray(value)) invalid(path, `must be an array, not ${describeType(value)}`);
  if (value.length > maxLength) invalid(path, `must have at most ${maxLength} entries, not ${value.length}`);
  return value;
}

export interface StringRules {
  readonly maxLength: number;
  /** Allow the empty string (default: no). */
  readonly allowEmpty?: boolean;
}

/** A string without control characters. Never quotes the value in the message: it may be something typed into the wrong field. */
export function stringAt(value: unknown, path: string, rules: StringRules): string {
  if (typeof value !== 'string') invalid(path, `must be a string, not ${describeType(value)}`);
  if (value.length === 0 && !rules.allowEmpty) invalid(path, 'must not be empty');
  if (value.length > rules.maxLength) invalid(path, `must be at most ${rules.maxLength} characters, not ${value.length}`);
  if (CONTROL.test(value)) invalid(path, 'must not contain control characters (line breaks, tabs, NUL)');
  return value;
}

export function booleanAt(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') invalid(path, `must be true or false, not ${describeType(value)}`);
  return value;
}

export function oneOf<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    invalid(path, `must be one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}`);
  }
  return value as T;
}

/** Applies `read` to `record[key]` when the field is present (undefined counts as absent). */
export function optional<T>(record: Record<string, unknown>, key: string, path: string, read: (value: unknown, path: string) => T): T | undefined {
  const value = record[key];
  return value === undefined ? undefined : read(value, fieldPath(path, key));
}

export function required<T>(record: Record<string, unknown>, key: string, path: string, read: (value: unknown, path: string) => T): T {
  const value = record[key];
  if (value === undefined) invalid(fieldPath(path, key), 'is required');
  return read(value, fieldPath(path, key));
}
