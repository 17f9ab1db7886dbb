import type { Page } from '@playwright/test';
import { runTimed, twoWorkers, type Measure } from './measure';

const ITEMS = 200_000;

/** Items per second one process puts and another gets through a Queue, one at a time. */
async function queueRate(page: Page, item: string): Promise<number> {
  const events = await runTimed(
    page,
    `import { Queue, Process } from 'multiprocessing';
function consume(q: Queue, n: number) { for (let i = 0; i < n; i++) q.get(); }
if (__name__ === '__main__') {
  const q = new Queue();
  const p = new Process({ target: consume, args: [q, ${ITEMS}] });
  p.start();
  const t0 = performance.now();
  for (let i = 0; i < ${ITEMS}; i++) q.put(${item});
  p.join();
  print(${ITEMS} / ((performance.now() - t0) / 1000));
}`,
  );
  const line = events.find((e) => e.event.type === 'output');
  if (line?.event.type !== 'output' || line.event.stream !== 'stdout')
    throw new Error('queue bench failed');
  return Number(line.event.text);
}

/** The same items posted one at a time from one Worker to another over a MessageChannel. */
function postMessageRate(page: Page, item: string): Promise<number> {
  const code = `onmessage = (e) => {
    const port = e.data.port;
    if (e.data.role === 'sink') {
      let got = 0;
      port.onmessage = () => { if (++got === ${ITEMS}) port.postMessage('done'); };
      return;
    }
    const t0 = performance.now();
    port.onmessage = () => postMessage(${ITEMS} / ((performance.now() - t0) / 1000));
    for (let i = 0; i < ${ITEMS}; i++) port.postMessage(${item});
  };`;
  return twoWorkers(page, code, ['source', 'sink']);
}

function versusPostMessage(name: string, item: string, target: number): Measure {
  return {
    name,
    unit: 'x',
    target: `>= ${target}`,
    ok: (v) => v >= target,
    async run(page) {
      const queue = await queueRate(page, item);
      const posted = await postMessageRate(page, item);
      if (!process.argv.includes('--json')) {
        console.log(
          `  (Queue ${Math.round(queue)} items/s, postMessage ${Math.round(posted)} items/s)`,
        );
      }
      return queue / posted;
    },
  };
}

export const queueMeasures: Measure[] = [
  versusPostMessage('queue_ints_vs_postmessage', 'i', 50),
  versusPostMessage(
    'queue_objects_vs_postmessage',
    "{ id: i, name: 'item' + i, tags: ['a', 'b'] }",
    10,
  ),
];
