import { pythonClassName } from './class-names';
import { definedByName, topLevelNameOf } from './context';

/**
 * Arguments travel to a child the way Python pickles them: plain data is copied (structured
 * clone); a top-level function or an instance of a top-level class travels by name and is
 * rebuilt in the child (without running its constructor); a playground object (Lock, Queue,
 * Value, ...) travels as a handle into the shared heap, so the child gets the same object.
 * Anything else is refused with the rule it broke, before the child starts.
 */
export type Encoded = unknown;

/** Playground objects implement this to travel as handles. */
export const toHandle = Symbol.for('playground.toHandle');
export interface HandleSource {
  [toHandle](): { kind: string; data: unknown };
}

const MARK = '__pg$';
const decoders = new Map<string, (data: unknown) => unknown>();

/** Registers how a handle of `kind` is rebuilt in the receiving process. */
export function registerHandleKind(kind: string, decode: (data: unknown) => unknown): void {
  decoders.set(kind, decode);
}

export class PicklingError extends Error {
  override name = 'PicklingError';
}

export function encode(value: unknown, path = 'argument'): Encoded {
  return encodeValue(value, path, new Set());
}

function encodeValue(value: unknown, path: string, seen: Set<object>): Encoded {
  if (typeof value === 'function') {
    const name = topLevelNameOf(value);
    if (name === null) {
      throw new PicklingError(
        `cannot send ${describeFunction(value)} (${path}) to another process: only top-level ` +
          'functions and classes of the program can be sent; the child finds them by name.',
      );
    }
    return { [MARK]: 'fn', name };
  }
  if (typeof value === 'symbol') {
    throw new PicklingError(`cannot send a symbol (${path}) to another process`);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) throw new PicklingError(`cannot send a circular structure (${path})`);
  seen.add(value);
  try {
    return encodeObject(value, path, seen);
  } finally {
    seen.delete(value);
  }
}

function encodeObject(value: object, path: string, seen: Set<object>): Encoded {
  const sub = (v: unknown, p: string) => encodeValue(v, p, seen);
  if (toHandle in value) {
    const { kind, data } = (value as HandleSource)[toHandle]();
    return { [MARK]: 'handle', kind, data };
  }
  if (Array.isArray(value)) return value.map((v, i) => sub(v, `${path}[${i}]`));
  if (value instanceof Map) {
    return new Map([...value].map(([k, v]) => [sub(k, `${path} key`), sub(v, `${path} value`)]));
  }
  if (value instanceof Set) return new Set([...value].map((v) => sub(v, `${path} item`)));
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value)) return value;
  if (value instanceof ArrayBuffer) return value;
  const proto = Object.getPrototypeOf(value) as { constructor?: unknown } | null;
  const fields = Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, sub(v, `${path}.${k}`)]),
  );
  if (proto === Object.prototype || proto === null) return fields;
  const className = topLevelNameOf(proto.constructor);
  if (className === null) {
    const name = pythonClassName(proto.constructor);
    throw new PicklingError(
      `cannot send a ${name} (${path}) to another process: only plain data, instances of the ` +
        "program's top-level classes, and playground objects (Lock, Queue, Value, ...) can be sent.",
    );
  }
  return { [MARK]: 'object', className, fields };
}

export function decode(value: Encoded): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(decode);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [decode(k), decode(v)]));
  if (value instanceof Set) return new Set([...value].map(decode));
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value)) return value;
  if (value instanceof ArrayBuffer) return value;
  const record = value as Record<string, unknown>;
  switch (record[MARK]) {
    case 'fn':
      return definedByName(record.name as string);
    case 'handle': {
      const rebuild = decoders.get(record.kind as string);
      if (!rebuild) throw new Error(`internal: no decoder for ${String(record.kind)}`);
      return rebuild(record.data);
    }
    case 'object':
      return rebuildInstance(record.className as string, record.fields);
    default:
      return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
  }
}

/** An instance of a top-level class from its fields, without running its constructor. */
export function rebuildInstance(className: string, fields: Encoded): object {
  const cls = definedByName(className);
  if (typeof cls !== 'function')
    throw new Error(`internal: class ${className} is not defined here`);
  return Object.assign(Object.create(cls.prototype as object) as object, decode(fields) as object);
}

function describeFunction(fn: unknown): string {
  const name = (fn as { name?: string }).name;
  return name ? `function '${name}' (not a top-level function)` : 'an anonymous function';
}
