import { GROUPS, type GroupId, type Lesson } from './lesson';
import { processes } from './groups/processes';
import { join } from './groups/join';
import { isolation } from './groups/isolation';
import { locks } from './groups/locks';
import { queues } from './groups/queues';
import { threads } from './groups/threads';
import { pools } from './groups/pools';
import { speedup } from './groups/speedup';
import { kernels } from './groups/kernels';
import { network } from './groups/network';

/** Every lesson of the gallery, in the order of the tutorials. */
export const LESSONS: Lesson[] = [
  ...processes,
  ...join,
  ...isolation,
  ...locks,
  ...queues,
  ...threads,
  ...pools,
  ...speedup,
  ...kernels,
  ...network,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

export function lessonsByGroup(): [GroupId, Lesson[]][] {
  return (Object.keys(GROUPS) as GroupId[])
    .map((group): [GroupId, Lesson[]] => [group, LESSONS.filter((l) => l.group === group)])
    .filter(([, lessons]) => lessons.length > 0);
}
