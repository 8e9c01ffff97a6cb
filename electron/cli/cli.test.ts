/** The `xcap` command end to end: the real bin script in a child process, real files. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

const BIN = resolve(import.meta.dirname, '../../bin/xcap.js');
const ROOT = 'https://xcap.example.com/xcap-root/resource-lists/users/sip:alice@example.com/index';
const LIST = `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="friends"/>
</resource-lists>
`;

function xcap(args: string[], cwd: string, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'xcap-cli-'));
  writeFileSync(join(dir, 'index.xml'), LIST);
  writeFileSync(join(dir, 'entry.xml'), '<entry uri="sip:bob@example.com"/>');
});

describe('the xcap command run as a program', () => {
  // Its first line (#!/usr/bin/env -S node --v8-pool-size=0) is how an installed `xcap` starts:
  // an option env or Node refused would leave the command unable to start at all.
  it.skipIf(process.platform === 'win32')('starts from its #! line with the Node options written there', () => {
    const result = spawnSync(BIN, ['--help'], { encoding: 'utf8', env: { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('xcap plan METHOD URI');
  });
});

describe('xcap plan', () => {
  it('prints the exact request as JSON, selector percent-encoded on the wire', () => {
    const out = xcap(['plan', 'PUT', `${ROOT}/~~/resource-lists/list[@name="friends"]/entry[@uri="sip:bob@example.com"]`, '--body', 'entry.xml', '--etag', 'abc', '--json'], dir);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      method: 'PUT',
      url: `${ROOT}/~~/resource-lists/list%5B@name=%22friends%22%5D/entry%5B@uri=%22sip:bob@example.com%22%5D`,
      headers: { 'Content-Type': 'application/xcap-el+xml', 'If-Match': '"abc"' },
      body: '<entry uri="sip:bob@example.com"/>',
    });
  });
  it('uses the document MIME type for a whole-document PUT and If-None-Match for a conditional GET', () => {
    const put = JSON.parse(xcap(['plan', 'PUT', ROOT, '--body', 'index.xml', '--json'], dir).stdout);
    expect(put.headers).toEqual({ 'Content-Type': 'application/resource-lists+xml' });
    const get = JSON.parse(xcap(['plan', 'get', ROOT, '--etag', '"v1"', '--json'], dir).stdout);
    expect([get.method, get.headers]).toEqual(['GET', { 'If-None-Match': '"v1"' }]);
  });
  it('explains a pre-RFC (TS 24.141 A.8) URI and shows its RFC 4825 form', () => {
    const out = xcap(['plan', 'GET', 'http://xcap.home1.net/services/resource-lists/users/user1/pf.xml?resource-lists/list[@name="Presence_fellows"]/entry'], dir);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('pre-RFC 4825');
    expect(out.stderr).toContain('pf.xml/~~/resource-lists/list%5B@name=%22Presence_fellows%22%5D/entry');
  });
  it('rejects a bad method with the usage text', () => {
    const out = xcap(['plan', 'POST', ROOT], dir);
    expect([out.code, out.stderr.includes('usage:')]).toEqual([2, true]);
  });
});

describe('xcap apply', () => {
  it('answers a PUT as a server would, with the whole resulting document (JSON)', () => {
    const out = xcap(['apply', '--doc', 'index.xml', '--method', 'PUT', '--uri', `${ROOT}/~~/resource-lists/list[@name="friends"]/entry[@uri="sip:bob@example.com"]`, '--body', 'entry.xml', '--json'], dir);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      status: 201,
      contentType: null,
      body: null,
      document: LIST.replace('<list name="friends"/>', '<list name="friends">\n    <entry uri="sip:bob@example.com"/>\n  </list>'),
      xcapError: null,
    });
    expect(readFileSync(join(dir, 'index.xml'), 'utf8')).toBe(LIST); // not written without --write
  });
  it('creates the document with 201 when FILE does not exist, and --write stores it', () => {
    const out = xcap(['apply', '--doc', 'new.xml', '--method', 'PUT', '--uri', ROOT, '--body', 'index.xml', '--write'], dir);
    expect(out.code).toBe(0);
    expect(readFileSync(join(dir, 'new.xml'), 'utf8')).toBe(LIST);
    expect(xcap(['apply', '--doc', 'new.xml', '--method', 'DELETE', '--uri', ROOT, '--write'], dir).code).toBe(0);
    expect(existsSync(join(dir, 'new.xml'))).toBe(false);
  });
  it('prints a GET body on stdout, and a 409 with its xcap-error on stderr with exit code 1', () => {
    const get = xcap(['apply', '--doc', 'index.xml', '--method', 'GET', '--uri', `${ROOT}/~~/resource-lists/list/@name`], dir);
    expect([get.code, get.stdout]).toEqual([0, 'friends\n']);
    const dup = xcap(['apply', '--doc', 'index.xml', '--method', 'PUT', '--uri', `${ROOT}/~~/resource-lists/list[2]`, '--body', '-'], dir, '<list name="friends"/>');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('409 uniqueness-failure');
    expect(dup.stderr).toContain('<alt-value>friends-2</alt-value>');
    const json = JSON.parse(xcap(['apply', '--doc', 'index.xml', '--method', 'GET', '--uri', `${ROOT}/~~/resource-lists/list[9]`, '--json'], dir).stdout);
    expect([json.status, json.xcapError, json.document]).toEqual([404, null, LIST]);
  });
  it('works through npx right after npm install (the package bin)', () => {
    const out = execFileSync('npx', ['--no-install', 'xcap', 'plan', 'DELETE', ROOT, '--json'], { cwd: resolve(import.meta.dirname, '../..'), encoding: 'utf8' });
    expect(JSON.parse(out).method).toBe('DELETE');
  });
});
