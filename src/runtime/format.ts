import { pythonClassName, pythonTypeName } from './class-names';

/**
 * Text for printed values, close to what Node's console shows: strings bare at the top level
 * and quoted inside containers, objects and arrays expanded, cycles marked. Objects may supply
 * their own text (Python's __repr__) through the `repr` symbol.
 */
export const repr = Symbol.for('playground.repr');

interface Reprable {
  [repr](): string;
}

export function formatArgs(values: unknown[], sep = ' '): string {
  return values.map((v) => (typeof v === 'string' ? v : inspect(v))).join(sep);
}

export function inspect(value: unknown, seen: Set<object> = new Set(), depth = 0): string {
  switch (typeof value) {
    case 'string':
      return depth === 0 ? value : quote(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return String(value); // Python's ints print plainly
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return value.toString().startsWith('class')
        ? `[class ${pythonClassName(value, '(anonymous)')}]`
        : `[Function: ${value.name || '(anonymous)'}]`;
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (repr in obj) return (obj as Reprable)[repr]();
  if (seen.has(obj)) return '[Circular]';
  if (depth > 4) return Array.isArray(obj) ? '[Array]' : '[Object]';
  seen.add(obj);
  try {
    return inspectObject(obj, seen, depth + 1);
  } finally {
    seen.delete(obj);
  }
}

function inspectObject(obj: object, seen: Set<object>, depth: number): string {
  const item = (v: unknown) => inspect(v, seen, depth);
  if (Array.isArray(obj)) return `[${obj.map(item).join(', ')}]`;
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  if (obj instanceof Date) return obj.toISOString();
  if (obj instanceof RegExp) return String(obj);
  if (obj instanceof Map) {
    const entries = [...obj].map(([k, v]) => `${item(k)} => ${item(v)}`);
    return `Map(${obj.size}) {${entries.length ? ` ${entries.join(', ')} ` : ''}}`;
  }
  if (obj instanceof Set) {
    const entries = [...obj].map(item);
    return `Set(${obj.size}) {${entries.length ? ` ${entries.join(', ')} ` : ''}}`;
  }
  if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
    const list = Array.from(obj as unknown as ArrayLike<number | bigint>, item);
    // A built-in constructor's name (Int32Array): the minifier never renames those.
    return `${obj.constructor.name}(${list.length}) [${list.join(', ')}]`;
  }
  const entries = Object.entries(obj).map(([k, v]) => `${key(k)}: ${item(v)}`);
  const proto = Object.getPrototypeOf(obj) as object | null;
  const className = proto && proto !== Object.prototype ? pythonTypeName(obj, '') : '';
  const body = entries.length ? `{ ${entries.join(', ')} }` : '{}';
  return className ? `${className} ${body}` : body;
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}
