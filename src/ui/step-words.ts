/** Step mode's words for what a process is about to do: "about to acquire lockA". */
import type { Heap } from '../runtime/heap';
import { Point } from '../runtime/sched/region';
import { ObjectKind, formatLabel, objectKind } from '../runtime/sync/objects';
import { tf, type WordKey } from './i18n';

const POINT_WORDS: Record<Point, WordKey> = {
  [Point.Begin]: 'pointBegin',
  [Point.Resume]: 'pointResume',
  [Point.Acquire]: 'pointAcquire',
  [Point.Release]: 'pointRelease',
  [Point.Wait]: 'pointWait',
  [Point.Notify]: 'pointNotify',
  [Point.Set]: 'pointSet',
  [Point.Put]: 'pointPut',
  [Point.Get]: 'pointGet',
  [Point.Start]: 'pointStart',
  [Point.Join]: 'pointJoin',
  [Point.Sleep]: 'pointSleep',
  [Point.Print]: 'pointPrint',
  [Point.Read]: 'pointRead',
  [Point.Write]: 'pointWrite',
};

/** Where the words find the shared objects' names: a run's heap and the names it learnt. */
export interface ObjectSource {
  heap: Heap;
  objectNames: ReadonlyMap<number, string>;
}

/** "about to write c.value", "about to acquire lockA", "about to join" (a process). */
export function pointText(kind: Point, obj: number, objects: ObjectSource): string {
  const key = kind === Point.Join && obj === 0 ? 'pointJoinProcess' : POINT_WORDS[kind];
  return tf(key, { obj: obj > 0 ? objectText(kind, obj, objects) : '' });
}

/**
 * A shared object as the program names it: `lockA`; a read or write names the element, as race
 * reports do (`c.value`, `tickets[…]`: which element is not known before the access). An
 * object of no name is `Lock #3`.
 */
function objectText(kind: Point, obj: number, { heap, objectNames }: ObjectSource): string {
  const name = objectNames.get(obj);
  const type = objectKind(heap, obj);
  if (!name) return formatLabel(type, undefined, obj);
  if (kind !== Point.Read && kind !== Point.Write) return name;
  return type === ObjectKind.Array ? `${name}[…]` : `${name}.value`;
}
