/**
 * A small JSON Schema (draft-07) validator for the keywords the HAR fixture uses: type, const,
 * enum, required, properties, patternProperties, additionalProperties, items, minimum, pattern,
 * format date-time, $ref (local), allOf, oneOf. Returns every violation as "path: problem".
 */
export type Schema = { readonly [keyword: string]: unknown };

export function validate(schema: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(schema, schema, value, '$', errors);
  return errors;
}

function check(root: Schema, schema: Schema, value: unknown, path: string, errors: string[]): void {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    if (typeof target !== 'object' || target === null) throw new Error(`unresolved $ref ${schema.$ref}`);
    check(root, target as Schema, value, path, errors);
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => hasType(value, type))) {
      errors.push(`${path}: expected ${types.join(' or ')}, got ${JSON.stringify(value)}`);
      return;
    }
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${path}: not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} < ${schema.minimum}`);
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: does not match ${schema.pattern}`);
    if (schema.format === 'date-time' && !isDateTime(value)) errors.push(`${path}: not an ISO 8601 date-time: ${value}`);
  }
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf as Schema[]) check(root, part, value, path, errors);
  if (Array.isArray(schema.oneOf)) {
    const passing = (schema.oneOf as Schema[]).filter((part) => validateAt(root, part, value, path).length === 0).length;
    if (passing !== 1) errors.push(`${path}: matches ${passing} of the oneOf alternatives, not exactly one`);
  }
  if (Array.isArray(value) && schema.items !== undefined) value.forEach((item, i) => check(root, schema.items as Schema, item, `${path}[${i}]`, errors));
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) checkObject(root, schema, value as Record<string, unknown>, path, errors);
}

function checkObject(root: Schema, schema: Schema, value: Record<string, unknown>, path: string, errors: string[]): void {
  for (const name of (schema.required as string[] | undefined) ?? []) if (!(name in value)) errors.push(`${path}: missing required "${name}"`);
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  const patterns = Object.entries((schema.patternProperties as Record<string, Schema> | undefined) ?? {});
  for (const [name, item] of Object.entries(value)) {
    let known = false;
    if (name in properties) {
      known = true;
      check(root, properties[name] as Schema, item, `${path}.${name}`, errors);
    }
    for (const [pattern, sub] of patterns) {
      if (new RegExp(pattern, 'u').test(name)) {
        known = true;
        check(root, sub, item, `${path}.${name}`, errors);
      }
    }
    if (!known && schema.additionalProperties === false) errors.push(`${path}: unexpected field "${name}"`);
  }
}

function validateAt(root: Schema, schema: Schema, value: unknown, path: string): string[] {
  const errors: string[] = [];
  check(root, schema, value, path, errors);
  return errors;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

function isDateTime(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text));
}
