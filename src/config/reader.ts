// Walks the parsed YAML document node by node (not its plain-JS copy) so that every problem can be
// placed on a line: value problems point at the value, unknown keys at the key, missing keys at the
// mapping that lacks them. Problems are collected, not thrown, so one run reports them all.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigProblem } from './errors.js';
import { didYouMean } from './suggest.js';

/** One key of the config as the schema asks for it, present or not. */
export interface Field {
  /** `eval.timeout`, `metrics[1].goal`. */
  path: string;
  /** The value's node; undefined when the key is absent. An empty value (`key:`) is a null scalar. */
  node: Node | undefined;
  /** Where a problem with this field is shown: the value, else its key, else the enclosing mapping. */
  at: Node | undefined;
  /** The key's node, where problems about missing children are shown. */
  key?: Node;
}

/** The value of a field with aliases resolved and scalars unwrapped. */
export type FieldValue =
  | { kind: 'absent' }
  | { kind: 'empty' }
  | { kind: 'scalar'; value: unknown }
  | { kind: 'list'; items: Node[] }
  | { kind: 'mapping'; node: Node };

export interface MappingEntry {
  key: string;
  field: Field;
}

export class ConfigReader {
  readonly problems: ConfigProblem[] = [];
  private readonly fields = new Map<string, Field>();

  constructor(
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** The whole document as the root field (path ''). */
  root(): Field {
    const node = this.document.contents ?? undefined;
    return this.remember({ path: '', node: node as Node | undefined, at: node as Node | undefined });
  }

  report(field: Pick<Field, 'path' | 'at'>, message: string): void {
    this.problems.push({ keyPath: field.path, message, ...this.position(field.at) });
  }

  /** A field seen while reading, by path, so later checks (not supported yet) can place their problems. */
  locate(path: string): Field {
    return this.fields.get(path) ?? { path, node: undefined, at: undefined };
  }

  value(field: Field): FieldValue {
    const node = this.resolve(field.node);
    if (node === undefined) return { kind: 'absent' };
    if (isScalar(node))
      return node.value === null ? { kind: 'empty' } : { kind: 'scalar', value: node.value };
    if (isSeq(node)) return { kind: 'list', items: node.items as Node[] };
    if (isMap(node)) return { kind: 'mapping', node };
    return { kind: 'empty' };
  }

  /**
   * The entries of a mapping field, after reporting keys outside `knownKeys` (with a suggestion).
   * Undefined when the field is absent or empty; a problem is reported when it is not a mapping.
   * Pass `knownKeys: undefined` for mappings whose keys are data (decide.weights).
   */
  mapping(field: Field, knownKeys: readonly string[] | undefined): MappingEntry[] | undefined {
    const value = this.value(field);
    if (value.kind === 'absent' || value.kind === 'empty') return undefined;
    const node = this.resolve(field.node);
    if (!isMap(node)) {
      this.report(field, `expected a mapping (key: value lines), got ${describeValue(value)}`);
      return undefined;
    }
    const entries: MappingEntry[] = [];
    for (const pair of node.items) {
      const keyNode = this.resolve(pair.key as Node | undefined);
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const path = joinPath(field.path, key);
      if (knownKeys && !knownKeys.includes(key)) {
        this.report({ path, at: keyNode }, `unknown key${didYouMean(key, knownKeys)}`);
        continue;
      }
      const valueNode = (pair.value ?? undefined) as Node | undefined;
      const emptyValue = valueNode === undefined || (isScalar(valueNode) && valueNode.value === null);
      entries.push({
        key,
        field: this.remember({ path, node: valueNode, at: emptyValue ? keyNode : valueNode, key: keyNode }),
      });
    }
    return entries;
  }

  /** The field for `key` among `entries`, or an absent field placed at the enclosing mapping. */
  child(parent: Field, entries: readonly MappingEntry[] | undefined, key: string): Field {
    const found = entries?.find((entry) => entry.key === key);
    if (found) return found.field;
    return { path: joinPath(parent.path, key), node: undefined, at: this.keyOf(parent) };
  }

  /** Fields of an optional section by key; absent ones fall back to defaults in the callers. */
  section(field: Field, knownKeys: readonly string[]): (key: string) => Field {
    const entries = this.mapping(field, knownKeys);
    return (key) => this.child(field, entries, key);
  }

  /** The items of a list field as fields `path[i]`; undefined when absent, empty or not a list. */
  listItems(field: Field, what: string): Field[] | undefined {
    const value = this.value(field);
    if (value.kind === 'absent' || value.kind === 'empty') return undefined;
    if (value.kind !== 'list') {
      this.report(field, `expected a list of ${what}, got ${describeValue(value)}`);
      return undefined;
    }
    return value.items.map((node, index) =>
      this.remember({ path: `${field.path}[${index}]`, node, at: node ?? field.at }),
    );
  }

  /** The same field, shown at its key rather than its value (for problems with the key itself). */
  keyField(field: Field): Field {
    return { ...field, at: field.key ?? field.at };
  }

  private keyOf(field: Field): Node | undefined {
    // Absent children of the root have no better place than the top of the file.
    return field.path === '' ? undefined : (field.key ?? field.at);
  }

  private remember(field: Field): Field {
    this.fields.set(field.path, field);
    return field;
  }

  private resolve(node: Node | null | undefined): Node | undefined {
    let current = node ?? undefined;
    for (let hops = 0; current && isAlias(current) && hops < 20; hops++) {
      current = (current.resolve(this.document) as Node | undefined) ?? undefined;
    }
    return current;
  }

  private position(node: Node | undefined): Pick<ConfigProblem, 'line' | 'column'> {
    const offset = node?.range?.[0];
    if (offset === undefined) return {};
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }
}

export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** How a wrong value is named in messages: `"two"`, `the number 5`, `a list`, … */
export function describeValue(value: FieldValue): string {
  switch (value.kind) {
    case 'absent':
    case 'empty':
      return 'nothing';
    case 'list':
      return 'a list';
    case 'mapping':
      return 'a mapping';
    case 'scalar':
      return describeScalar(value.value);
  }
}

function describeScalar(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return String(value);
}
