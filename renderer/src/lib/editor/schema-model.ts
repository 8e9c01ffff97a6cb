/**
 * What schema-aware completion knows: for each element type of a usage's XSD, the child elements and
 * attributes it allows. Derived from the XSD text (shared/xcap/usages/schemas) parsed with the core's
 * parseXml — a pragmatic approximation, not a schema processor:
 *
 * - followed: global and local xs:element (name, ref, type, inline xs:complexType), named and inline
 *   complex types, xs:extension / xs:restriction of complex types (base content and attributes are
 *   inherited), xs:group and xs:attributeGroup references, xs:import / xs:include (chameleon includes
 *   take the includer's namespace), elementFormDefault / form for element namespaces, use="required";
 * - xs:any wildcards are recorded ('other' / 'any'): completion then offers the global elements of the
 *   other loaded schemas (those an import brought in), not every element of the world;
 * - ignored: order and cardinality (sequence, choice, minOccurs/maxOccurs: every allowed name is
 *   offered wherever it may appear at all), substitution groups, xs:redefine, identity constraints,
 *   qualified attributes other than refs (xml:lang), simple-type facets (no value completion).
 *
 * The model is plain data (it crosses the worker boundary).
 */
import { schemaFiles } from '../../../../shared/xcap/usages/schemas';
import { parseXml } from '../../../../shared/xcap/xml/parse';
import { lookupNamespace, splitQName, type SourceElement } from '../../../../shared/xcap/xml/source-index';

const XS = 'http://www.w3.org/2001/XMLSchema';

export interface ModelName {
  readonly namespace: string | null;
  readonly local: string;
}

export interface ChildModel extends ModelName {
  /** Key into `types`, or '' for simple content / unknown. */
  readonly type: string;
}

export interface AttributeModel {
  /** As written in an instance: `uri`, or `xml:lang` for a reference to the XML namespace. */
  readonly name: string;
  readonly required: boolean;
}

export interface TypeModel {
  readonly children: ChildModel[];
  readonly attributes: AttributeModel[];
  /** xs:any: elements of other namespaces ('other'), of any namespace ('any'), or none. */
  readonly wildcard: 'none' | 'other' | 'any';
  readonly namespace: string | null;
}

export interface SchemaModel {
  readonly root: ModelName;
  readonly types: Record<string, TypeModel>;
  /** Global elements of every loaded schema: key `{ns}local` → type key. */
  readonly globals: Record<string, ChildModel>;
}

export function nameKey(name: ModelName): string {
  return `{${name.namespace ?? ''}}${name.local}`;
}

interface LoadedSchema {
  readonly file: string;
  readonly targetNamespace: string | null;
  readonly root: SourceElement;
  readonly elementQualified: boolean;
  /** Included without a targetNamespace of its own: unqualified references mean the includer's namespace. */
  readonly chameleon: boolean;
}

interface Definitions {
  readonly elements: Map<string, { schema: LoadedSchema; node: SourceElement }>;
  readonly complexTypes: Map<string, { schema: LoadedSchema; node: SourceElement }>;
  readonly groups: Map<string, { schema: LoadedSchema; node: SourceElement }>;
  readonly attributeGroups: Map<string, { schema: LoadedSchema; node: SourceElement }>;
}

export function buildSchemaModel(schemaFile: string, root: { namespace: string; local: string }, files: Readonly<Record<string, string>> = schemaFiles): SchemaModel {
  const schemas = loadSchemas(schemaFile, files);
  const defs: Definitions = { elements: new Map(), complexTypes: new Map(), groups: new Map(), attributeGroups: new Map() };
  for (const schema of schemas) {
    for (const child of schema.root.children) {
      if (child.namespace !== XS) continue;
      const name = attr(child, 'name');
      if (name === undefined) continue;
      const key = nameKey({ namespace: schema.targetNamespace, local: name });
      const table = { element: defs.elements, complexType: defs.complexTypes, group: defs.groups, attributeGroup: defs.attributeGroups }[child.local];
      if (table && !table.has(key)) table.set(key, { schema, node: child });
    }
  }
  const builder = new ModelBuilder(defs);
  const globals: Record<string, ChildModel> = {};
  for (const [key, { schema, node }] of defs.elements) {
    const name = attr(node, 'name') ?? '';
    globals[key] = { namespace: schema.targetNamespace, local: name, type: builder.elementType(schema, node) };
  }
  return { root: { namespace: root.namespace, local: root.local }, types: builder.types, globals };
}

class ModelBuilder {
  readonly types: Record<string, TypeModel> = {};
  /** Inline complex types by declaration node: a recursive inline type (resource-lists' list) is defined once. */
  private readonly anonymous = new Map<SourceElement, string>();

  constructor(private readonly defs: Definitions) {}

  /** The type key of an element declaration (global or local). */
  elementType(schema: LoadedSchema, node: SourceElement): string {
    const ref = attr(node, 'ref');
    if (ref !== undefined) {
      const global = this.defs.elements.get(resolveQName(schema, node, ref));
      return global ? this.elementType(global.schema, global.node) : '';
    }
    const inline = node.children.find((c) => c.namespace === XS && c.local === 'complexType');
    if (inline) {
      let key = this.anonymous.get(inline);
      if (key === undefined) {
        key = `#${this.anonymous.size + 1}`;
        this.anonymous.set(inline, key);
        this.define(key, schema, inline);
      }
      return key;
    }
    const type = attr(node, 'type');
    if (type === undefined) return '';
    const typeKey = resolveQName(schema, node, type);
    const named = this.defs.complexTypes.get(typeKey);
    if (!named) return ''; // a simple type (or xs:anyType): no element children
    if (!(typeKey in this.types)) this.define(typeKey, named.schema, named.node);
    return typeKey;
  }

  private define(key: string, schema: LoadedSchema, complexType: SourceElement): void {
    const model: TypeModel = { children: [], attributes: [], wildcard: 'none', namespace: schema.targetNamespace };
    this.types[key] = model; // before collecting: recursive types refer to themselves
    this.collect(schema, complexType, model, new Set());
  }

  private collect(schema: LoadedSchema, node: SourceElement, model: TypeModel, seen: Set<string>): void {
    for (const child of node.children) {
      if (child.namespace !== XS) continue;
      switch (child.local) {
        case 'element': {
          const ref = attr(child, 'ref');
          let name: ModelName;
          if (ref !== undefined) {
            const [, local] = splitQName(ref);
            const key = resolveQName(schema, child, ref);
            name = { namespace: key.slice(1, key.indexOf('}')) || null, local };
          } else {
            const form = attr(child, 'form');
            const qualified = form === undefined ? schema.elementQualified : form === 'qualified';
            name = { namespace: qualified ? schema.targetNamespace : null, local: attr(child, 'name') ?? '' };
          }
          if (!model.children.some((c) => c.local === name.local && c.namespace === name.namespace)) {
            model.children.push({ ...name, type: this.elementType(schema, child) });
          }
          break;
        }
        case 'attribute': {
          const ref = attr(child, 'ref');
          const name = ref ?? attr(child, 'name');
          if (name !== undefined && attr(child, 'use') !== 'prohibited' && !model.attributes.some((a) => a.name === name)) {
            model.attributes.push({ name, required: attr(child, 'use') === 'required' });
          }
          break;
        }
        case 'any': {
          const namespaces = attr(child, 'namespace') ?? '##any';
          const wildcard = namespaces === '##any' ? 'any' : 'other'; // ##other, or a list: approximated as 'other'
          if (model.wildcard !== 'any') (model as { wildcard: TypeModel['wildcard'] }).wildcard = wildcard;
          break;
        }
        case 'group':
        case 'attributeGroup': {
          const ref = attr(child, 'ref');
          if (ref !== undefined) {
            const key = resolveQName(schema, child, ref);
            const seenKey = `${child.local}:${key}`;
            const target = (child.local === 'group' ? this.defs.groups : this.defs.attributeGroups).get(key);
            if (target && !seen.has(seenKey)) {
              seen.add(seenKey);
              this.collect(target.schema, target.node, model, seen);
            }
          } else this.collect(schema, child, model, seen);
          break;
        }
        case 'extension':
        case 'restriction': {
          const base = attr(child, 'base');
          const baseKey = base === undefined ? undefined : resolveQName(schema, child, base);
          const named = baseKey === undefined ? undefined : this.defs.complexTypes.get(baseKey);
          if (named && baseKey !== undefined && !seen.has(`type:${baseKey}`)) {
            seen.add(`type:${baseKey}`);
            // A restriction restates its content; it inherits the base's attributes only.
            if (child.local === 'extension') this.collect(named.schema, named.node, model, seen);
            else this.collectAttributesOnly(named.schema, named.node, model, seen);
          }
          this.collect(schema, child, model, seen);
          break;
        }
        case 'sequence':
        case 'choice':
        case 'all':
        case 'complexContent':
        case 'simpleContent':
          this.collect(schema, child, model, seen);
          break;
        default:
          break; // annotation, anyAttribute, simpleType…
      }
    }
  }

  private collectAttributesOnly(schema: LoadedSchema, node: SourceElement, model: TypeModel, seen: Set<string>): void {
    const scratch: TypeModel = { children: [], attributes: model.attributes, wildcard: 'none', namespace: model.namespace };
    this.collect(schema, node, scratch, seen);
  }
}

function loadSchemas(first: string, files: Readonly<Record<string, string>>): LoadedSchema[] {
  const loaded: LoadedSchema[] = [];
  const done = new Set<string>();
  const visit = (file: string, chameleonNamespace: string | null) => {
    const key = `${file} ${chameleonNamespace ?? ''}`;
    if (done.has(key)) return;
    done.add(key);
    const text = files[file];
    if (text === undefined) return;
    const root = parseXml(text).root;
    const targetNamespace = attr(root, 'targetNamespace') ?? chameleonNamespace;
    const schema: LoadedSchema = { file, targetNamespace, root, elementQualified: attr(root, 'elementFormDefault') === 'qualified', chameleon: attr(root, 'targetNamespace') === undefined };
    loaded.push(schema);
    for (const child of root.children) {
      if (child.namespace !== XS) continue;
      const location = attr(child, 'schemaLocation');
      if (location === undefined) continue;
      if (child.local === 'import') visit(location, null);
      else if (child.local === 'include') visit(location, targetNamespace);
    }
  };
  visit(first, null);
  return loaded;
}

function attr(element: SourceElement, name: string): string | undefined {
  return element.attributes.find((a) => a.local === name && a.namespace === null)?.value;
}

/** `{ns}local` of a QName written in an XSD attribute value, resolved at `element`. */
function resolveQName(schema: LoadedSchema, element: SourceElement, qname: string): string {
  const [prefix, local] = splitQName(qname.trim());
  const namespace = lookupNamespace(element, prefix) ?? (schema.chameleon ? schema.targetNamespace : null);
  return `{${namespace ?? ''}}${local}`;
}
