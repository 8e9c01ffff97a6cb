import { describe, expect, it } from 'vitest';
import { isXcapCoreError } from '../errors';
import { resolveSelectorNames, XML_NAMESPACE } from './namespaces';
import { parseNodeSelector } from './parse';

const RL = 'urn:ietf:params:xml:ns:resource-lists';

function resolve(selector: string, bindings: Record<string, string> = {}, defaultNamespace = RL) {
  return resolveSelectorNames(parseNodeSelector(selector), bindings, defaultNamespace);
}

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isXcapCoreError(error)) return error;
    throw error;
  }
  throw new Error('expected an XcapCoreError');
}

describe('resolveSelectorNames', () => {
  it('puts unprefixed element names in the default document namespace and unprefixed attributes in none', () => {
    const resolved = resolve('resource-lists/list[@name="friends"]/entry[1]/@uri');
    expect(resolved.steps.map((step) => step.test)).toEqual([
      { kind: 'name', prefix: null, local: 'resource-lists', namespace: RL },
      { kind: 'name', prefix: null, local: 'list', namespace: RL },
      { kind: 'name', prefix: null, local: 'entry', namespace: RL },
    ]);
    expect(resolved.steps[1]?.attribute).toEqual({
      name: { prefix: null, local: 'name', namespace: null },
      value: 'friends',
      rawValue: 'friends',
      quote: '"',
    });
    expect(resolved.terminal).toEqual({ kind: 'attribute', name: { prefix: null, local: 'uri', namespace: null }, start: 46, end: 50 });
  });

  it('keeps positions, offsets and wildcards', () => {
    const resolved = resolve('*[2]/namespace::*');
    expect(resolved.steps).toEqual([{ test: { kind: 'any' }, position: 2, attribute: null, start: 0, end: 4 }]);
    expect(resolved.terminal).toEqual({ kind: 'namespace', start: 5, end: 17 });
  });

  it('resolves prefixes of elements and attributes through the bindings (RFC 4825 §6.4 example)', () => {
    const resolved = resolve('foo/a:bar/b:baz[@b:id="1"]/@a:x', { a: 'urn:test:namespace1-uri', b: 'urn:test:namespace2-uri' }, 'urn:test:default');
    expect(resolved.steps.map((step) => (step.test.kind === 'name' ? step.test.namespace : '*'))).toEqual([
      'urn:test:default',
      'urn:test:namespace1-uri',
      'urn:test:namespace2-uri',
    ]);
    expect(resolved.steps[2]?.attribute?.name).toEqual({ prefix: 'b', local: 'id', namespace: 'urn:test:namespace2-uri' });
    expect(resolved.terminal).toMatchObject({ name: { prefix: 'a', local: 'x', namespace: 'urn:test:namespace1-uri' } });
  });

  it('binds the xml prefix without a declaration', () => {
    expect(resolve('a/@xml:lang').terminal).toMatchObject({ name: { namespace: XML_NAMESPACE } });
    expect(resolve('a/@xml:lang', { xml: 'urn:other' }).terminal).toMatchObject({ name: { namespace: XML_NAMESPACE } });
  });

  it('allows a default namespace of "" (document in no namespace)', () => {
    expect(resolve('a/b', {}, '').steps[1]?.test).toEqual({ kind: 'name', prefix: null, local: 'b', namespace: '' });
  });

  it.each([
    ['resource-lists/p:list', 16],
    ['resource-lists/list[@p:name="x"]', 22],
    ['resource-lists/list[3][@p:name="x"]', 25],
    ['rl:resource-lists/rl:list[10][@p:name="x"]', 32],
    ['*[@p:name="x"]', 4],
    ['resource-lists/@p:uri', 17],
  ])('reports the unbound prefix in %s at column %i', (selector, column) => {
    const error = errorOf(() => resolve(selector, { rl: RL }));
    expect(error.code).toBe('unbound-prefix');
    expect(error.column).toBe(column);
    expect(error.message).toBe('prefix "p" is not bound: add ?xmlns(p=urn:...) to the URI');
  });

  it('does not mistake Object.prototype members for bindings', () => {
    expect(errorOf(() => resolve('constructor:a')).code).toBe('unbound-prefix');
    expect(errorOf(() => resolve('__proto__:a')).code).toBe('unbound-prefix');
    expect(errorOf(() => resolve('toString:a')).code).toBe('unbound-prefix');
  });

  it('treats a prefix bound to "" as unbound (Namespaces in XML 1.0 cannot undeclare prefixes)', () => {
    expect(errorOf(() => resolve('p:a', { p: '' })).code).toBe('unbound-prefix');
  });

  it('rejects the reserved xmlns prefix with a pointer to namespace::*', () => {
    const error = errorOf(() => resolve('a/@xmlns:p', { xmlns: 'urn:x' }));
    expect(error.code).toBe('invalid-selector');
    expect(error.column).toBe(4);
    expect(error.message).toContain('namespace::*');
  });
});
