import type { Heap } from '../runtime/heap';
import { formatLabel, objectKind } from '../runtime/sync/objects';

/**
 * A shared object as reports and the process table name it: `lockA (Lock)` when the program
 * named it (its variable), else `Lock #3`.
 */
export function objectLabel(heap: Heap, names: ReadonlyMap<number, string>, id: number): string {
  return formatLabel(objectKind(heap, id), names.get(id), id);
}
