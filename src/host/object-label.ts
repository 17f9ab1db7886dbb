import type { Heap } from '../runtime/heap';
import { kindName, objectKind } from '../runtime/sync/objects';

/**
 * A shared object as reports and the process table name it: `lockA (Lock)` when the program
 * named it (its variable), else `Lock #3`.
 */
export function objectLabel(heap: Heap, names: ReadonlyMap<number, string>, id: number): string {
  const kind = kindName(objectKind(heap, id));
  const name = names.get(id);
  return name && name !== kind ? `${name} (${kind})` : `${kind} #${id}`;
}
