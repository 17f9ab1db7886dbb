import { notify } from '../channel';
import { nameRuntimeClass } from '../class-names';
import { ctx } from '../context';
import type { Heap } from '../heap';
import { H, MAX_OBJECTS, OBJECT_TABLE } from '../layout';
import { RuntimeError } from '../errors';
import { registerHandleKind } from '../transfer';
import { perProcess } from '../process-state';

/**
 * Every shared object (lock, semaphore, queue, value, ...) has an entry in the object table, so
 * the page can find them all: to name what a blocked process waits on, to report deadlocks, and
 * to release waiters when a lock's owner dies. An object's id is its entry's index.
 *
 *   entry + 0  int32  ObjectKind (written last: the page skips entries still 0)
 *   entry + 4  int32  byte offset of the object's block in the heap
 */
export const ObjectKind = {
  Lock: 1,
  RLock: 2,
  Semaphore: 3,
  BoundedSemaphore: 4,
  Condition: 5,
  Event: 6,
  Barrier: 7,
  Value: 8,
  Array: 9,
  FileStore: 10,
  Queue: 11,
  JoinableQueue: 12,
  SimpleQueue: 13,
  LifoQueue: 14,
  PriorityQueue: 15,
  Channel: 16,
  TaskTable: 17,
} as const;
export type ObjectKind = (typeof ObjectKind)[keyof typeof ObjectKind];

export function kindName(kind: number): string {
  return Object.entries(ObjectKind).find(([, k]) => k === kind)?.[0] ?? 'object';
}

/**
 * How reports and errors name a shared object, on the page and in every Worker alike:
 * `forks[2] (Lock)` when the program named it, else `Lock #3`.
 */
export function formatLabel(kind: number, name: string | undefined, id: number): string {
  const kindText = kindName(kind);
  return name && name !== kindText ? `${name} (${kindText})` : `${kindText} #${id}`;
}

/** The names this process knows for shared objects: those it made, attached by site or received. */
const labels = new Map<number, string>();
/** Longest name a handle may carry in (a longer one is cut). */
const MAX_LABEL = 200;

/** A shared object's name as reports give it (see formatLabel). */
export function objectLabel(id: number): string {
  return formatLabel(objectKind(ctx().heap, id), labels.get(id), id);
}

/** The name this process knows a shared object by (its variable, or `Lock@12`), if any. */
export function objectName(id: number): string | undefined {
  return labels.get(id);
}

export function objectKind(heap: Heap, id: number): number {
  return Atomics.load(heap.i32, OBJECT_TABLE / 4 + id * 2);
}

export function objectOffset(heap: Heap, id: number): number {
  return heap.i32[OBJECT_TABLE / 4 + id * 2 + 1];
}

/** How many entries have been handed out (some may still be being written). */
export function objectCount(heap: Heap): number {
  return Math.min(Atomics.load(heap.i32, H.nextObject), MAX_OBJECTS);
}

/** A shared object's place: its id in the table and its block in the heap. */
export interface SharedRef {
  id: number;
  offset: number;
}

/**
 * The block for a new object of `kind`, or, while the program's module is being evaluated in a
 * child, the block of the object its parent created at the same place (same line, column and
 * occurrence): module-level primitives are shared as if the child had been forked.
 * `init` fills a fresh block; `name` labels the object when the program gives it no name.
 */
export function sharedObject(
  kind: ObjectKind,
  bytes: number,
  init: (ref: SharedRef) => void,
  name?: string,
): SharedRef {
  const context = ctx();
  const site = context.evaluating ? creationSite(kind) : null;
  const label = site?.name ?? name ?? `${kindName(kind)}@${site?.line ?? '?'}`;
  if (site) {
    const id = context.inheritedSites[site.key];
    if (id !== undefined && objectKind(context.heap, id) === kind) {
      context.ownSites[site.key] = id;
      labels.set(id, label);
      return { id, offset: objectOffset(context.heap, id) };
    }
  }
  const ref = allocObject(kind, bytes);
  init(ref);
  if (site) context.ownSites[site.key] = ref.id;
  labels.set(ref.id, label);
  notify({ t: 'object', id: ref.id, kind, name: label });
  return ref;
}

function allocObject(kind: ObjectKind, bytes: number): SharedRef {
  const { heap } = ctx();
  const id = Atomics.add(heap.i32, H.nextObject, 1);
  if (id >= MAX_OBJECTS)
    throw new RuntimeError(`too many shared objects (limit ${MAX_OBJECTS} per run)`);
  const offset = heap.alloc(bytes);
  heap.i32[OBJECT_TABLE / 4 + id * 2 + 1] = offset;
  Atomics.store(heap.i32, OBJECT_TABLE / 4 + id * 2, kind);
  return { id, offset };
}

const occurrences = new Map<string, number>();
perProcess(() => {
  labels.clear();
  occurrences.clear();
});

/**
 * Where in the program the object being constructed is created: the innermost stack frame in
 * the program's module, and how many objects that place has created so far in this process.
 * Its name fills a `forks[]` site name with how many objects of `kind` the place made before
 * (`forks[2]`), and tells apart the unnamed ones made at one place (`Lock@25#2`).
 */
function creationSite(kind: ObjectKind): { key: string; name: string | null; line: number } | null {
  const { program } = ctx();
  for (const frame of (new Error().stack ?? '').split('\n')) {
    const at = frame.lastIndexOf(program.scriptName + ':');
    if (at < 0) continue;
    const [line, column] = frame
      .slice(at + program.scriptName.length + 1)
      .replace(/\)$/, '')
      .split(':');
    const place = `${line}:${column}`;
    const n = occurrences.get(place) ?? 0;
    occurrences.set(place, n + 1);
    const ofKind = occurrences.get(`${place}/${kind}`) ?? 0;
    occurrences.set(`${place}/${kind}`, ofKind + 1);
    const siteName = program.sites[place];
    const name = siteName?.endsWith('[]')
      ? `${siteName.slice(0, -2)}[${ofKind}]`
      : (siteName ?? (ofKind > 0 ? `${kindName(kind)}@${line}#${ofKind + 1}` : null));
    return { key: `${place}#${n}`, name, line: Number(line) };
  }
  return null;
}

/**
 * How a shared object is rebuilt around an existing block: in a child that received it as an
 * argument, without running its constructor. Constructors call it too, on a fresh block.
 * `extra` is what the object's handle carried besides its id (e.g. a Barrier's action).
 */
export const attach = Symbol('attach');
export interface Attachable {
  /** May return the object to use instead (a Proxy around it). */
  [attach](ref: SharedRef, extra?: unknown): object | void;
}

const classes = new Map<number, { prototype: Attachable }>();

/** Makes objects of `kind` travel to children (see transfer.ts) and be rebuilt by `attach`. */
export function registerShared(kind: ObjectKind, cls: { prototype: Attachable }): void {
  classes.set(kind, cls);
  nameRuntimeClass(cls, kindName(kind));
}

/** The shared object with table id `id`, rebuilt in this process. */
export function sharedById(id: number, extra?: unknown): Attachable {
  const { heap } = ctx();
  const cls = classes.get(objectKind(heap, id));
  if (!cls) throw new Error(`internal: no class for shared object ${id}`);
  const object = Object.create(cls.prototype) as Attachable;
  return (
    (object[attach]({ id, offset: objectOffset(heap, id) }, extra) as Attachable | undefined) ??
    object
  );
}

registerHandleKind('shared', (data) => {
  const { id, extra, label } = data as { id: number; extra?: unknown; label?: unknown };
  if (typeof label === 'string' && !labels.has(id)) labels.set(id, label.slice(0, MAX_LABEL));
  return sharedById(id, extra);
});

/** The handle a shared object travels as; its name goes along, for the receiver's reports. */
export function handleOf(ref: { id: number }, extra?: unknown): { kind: string; data: unknown } {
  return { kind: 'shared', data: { id: ref.id, extra, label: labels.get(ref.id) } };
}
