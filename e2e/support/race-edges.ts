/**
 * The programs of e2e/race-edges.spec.ts: for every synchronisation edge the race detector
 * (#16) knows, race-free variants (a shared datum written before the hand-off, read after it)
 * and one without the hand-off (the reader waits by sleeping instead, or the write moves past
 * a start, a connect or a submit, so the reader still sees it). The datum is a RawArray element
 * or a Value made with lock: false: no lock of its own hides anything.
 */

/** How long (program seconds) one side sleeps so that the other reaches the hand-off first. */
const WAIT = 2;

/** The shared datum, and its write and read, each on a line of its own (found by the marker). */
const DATA = {
  RawArray: {
    make: "new RawArray('i', 1)",
    write: 'data[0] = 42; // write',
    read: "print('read', data[0]); // read",
  },
  Value: {
    make: "new Value('i', 0, { lock: false })",
    write: 'data.value = 42; // write',
    read: "print('read', data.value); // read",
  },
};
type Data = keyof typeof DATA;
const { write: WRITE, read: READ } = DATA.RawArray;

/** Race-free programs (the hand-off in place) and the same without it: one race. */
export interface Edge {
  name: string;
  clean: string[];
  racy: string;
  /** The race-free reader may run first (a lock orders either way): it need not print 42. */
  eitherOrder?: boolean;
}

/**
 * An edge whose program differs only in the hand-off. With `late`, the race-free program also
 * runs with the receiving side sleeping first, so the other side's part is done when it
 * arrives (a join, get or recv that returns at once).
 */
function pair(
  name: string,
  program: (handoff: boolean, late: boolean) => string,
  late = false,
): Edge {
  const clean = [program(true, false)];
  if (late) clean.unshift(program(true, true));
  return { name, clean, racy: program(false, false) };
}

interface TwoParties {
  /** Imports and the top-level primitive (shared with the children, as if forked). */
  declare: string;
  /** The writer's code around its write, with the hand-off. */
  writer(write: string): string;
  /** The reader's code around its read, with the hand-off. */
  reader(read: string): string;
  /** Main's own code before it starts the two. */
  setup?: string;
  party?: Party;
  data?: Data;
  eitherOrder?: boolean;
}
type Party = 'Process' | 'Thread';

/**
 * A writer and a reader, both children of main, ordered by one primitive. Race-free twice:
 * the writer's side done first (the reader sleeps, then finds it done: a primitive's fast
 * path), and the reader's (the writer sleeps, so the reader blocks until woken). Without the
 * hand-off the writer only writes and the reader sleeps, then reads.
 */
function twoParties(name: string, edge: TwoParties): Edge {
  const data = DATA[edge.data ?? 'RawArray'];
  const program = twoPartyProgram(edge);
  const sleep = `sleep(${WAIT});\n  `;
  return {
    name,
    eitherOrder: edge.eitherOrder,
    clean: [
      program(edge.writer(data.write), sleep + edge.reader(data.read)),
      program(edge.writer(sleep + data.write), edge.reader(data.read)),
    ],
    racy: program(data.write, sleep + data.read),
  };
}

function twoPartyProgram(edge: TwoParties): (writer: string, reader: string) => string {
  const party = edge.party ?? 'Process';
  return (writer, reader) => `${imports(party, edge.data)}
${edge.declare}
const data = ${DATA[edge.data ?? 'RawArray'].make};
function writer() {
  ${writer}
}
function reader() {
  ${reader}
}
if (__name__ === '__main__') {
  ${edge.setup ?? ''}
  const parties = [new ${party}({ target: writer }), new ${party}({ target: reader })];
  parties.forEach((p) => p.start());
  parties.forEach((p) => p.join());
}`;
}

/**
 * What must not order: the writer publishes its write through a primitive, but the reader's
 * operation on it fails, times out or takes something else, so the read races with the write.
 */
function nonEdge(name: string, edge: TwoParties): Edge {
  const data = DATA[edge.data ?? 'RawArray'];
  const racy = twoPartyProgram(edge)(
    edge.writer(data.write),
    `sleep(${WAIT});\n  ${edge.reader(data.read)}`,
  );
  return { name, clean: [], racy };
}

function imports(party: Party, data: Data = 'RawArray'): string {
  const mp = [...(party === 'Process' ? ['Process'] : []), data].join(', ');
  return `import { ${mp} } from 'multiprocessing';
${party === 'Thread' ? "import { Thread } from 'threading';\n" : ''}import { sleep } from 'time';`;
}

/** A queue's put -> the get of that item. */
function queueEdge(name: string, from: string, party: Party): Edge {
  return twoParties(`${from} ${name} put -> get`, {
    declare: `import { ${name} } from '${from}';\nconst q = new ${name}();`,
    writer: (w) => `${w}\n  q.put(1);`,
    reader: (r) => `q.get();\n  ${r}`,
    party,
  });
}

/** The parent writes before start() and the child reads; without it, the write comes after. */
function startEdge(party: Party): Edge {
  return pair(
    `${party} start`,
    (handoff) => `${imports(party)}
const data = new RawArray('i', 1);
function child() {
  sleep(${WAIT});
  ${READ}
}
if (__name__ === '__main__') {
  const p = new ${party}({ target: child });
  ${handoff ? `${WRITE}\n  p.start();` : `p.start();\n  ${WRITE}`}
  p.join();
}`,
  );
}

/** The child writes and the parent reads after join(); without it, after a sleep. */
function joinEdge(party: Party): Edge {
  return pair(
    `${party} end -> join`,
    (handoff, late) => `${imports(party)}
const data = new RawArray('i', 1);
function child() {
  ${WRITE}
}
if (__name__ === '__main__') {
  const p = new ${party}({ target: child });
  p.start();
  ${handoff ? `${late ? `sleep(${WAIT});\n  ` : ''}p.join();` : `sleep(${WAIT});`}
  ${READ}
  p.join();
}`,
    true,
  );
}

interface PoolKind {
  name: string;
  declare: string;
  make: string;
  /** Submits task(0) and waits for its result, in one call. */
  call: string;
  /** Submits task(0), giving what `wait` waits on. */
  submit: string;
  wait(result: string): string;
  close: string;
}

const POOLS: PoolKind[] = [
  {
    name: 'Pool.applyAsync',
    declare: "import { Pool } from 'multiprocessing';",
    make: 'new Pool(1)',
    call: 'pool.applyAsync(task, [0]).get()',
    submit: 'pool.applyAsync(task, [0])',
    wait: (r) => `${r}.get()`,
    close: 'pool.close();\n  pool.join();',
  },
  {
    name: 'Pool.map',
    declare: "import { Pool } from 'multiprocessing';",
    make: 'new Pool(1)',
    call: 'pool.map(task, [0])',
    submit: 'pool.mapAsync(task, [0])',
    wait: (r) => `${r}.get()`,
    close: 'pool.close();\n  pool.join();',
  },
  ...['ProcessPoolExecutor', 'ThreadPoolExecutor'].map((name) => ({
    name,
    declare: `import { ${name} } from 'concurrent.futures';`,
    make: `new ${name}(1)`,
    call: 'pool.submit(task, 0).result()',
    submit: 'pool.submit(task, 0)',
    wait: (r: string) => `${r}.result()`,
    close: 'pool.shutdown();',
  })),
];

/**
 * Main writes before it submits and the task reads (without the hand-off, main writes after
 * submitting); or the task writes and main reads once the result is back (without it, after a
 * sleep).
 */
function poolEdges(kind: PoolKind): Edge[] {
  const program = (toTask: boolean, handoff: boolean, late: boolean) => `${imports('Process')}
${kind.declare}
const data = new RawArray('i', 1);
function task(_item: number) {
  ${toTask ? `sleep(${WAIT});\n  ${READ}` : WRITE}
  return 0;
}
if (__name__ === '__main__') {
  const pool = ${kind.make};
  ${poolMain(kind, toTask, handoff, late)}
  ${kind.close}
}`;
  return [
    pair(`${kind.name} submit -> task`, (handoff) => program(true, handoff, false)),
    pair(`${kind.name} task -> result`, (handoff, late) => program(false, handoff, late), true),
  ];
}

function poolMain(kind: PoolKind, toTask: boolean, handoff: boolean, late: boolean): string {
  const submitted = `const r = ${kind.submit};\n  `;
  const sleep = `sleep(${WAIT});\n  `;
  if (toTask)
    return handoff ? `${WRITE}\n  ${kind.call};` : `${submitted}${WRITE}\n  ${kind.wait('r')};`;
  if (!handoff) return `${submitted}${sleep}${READ}\n  ${kind.wait('r')};`;
  return late ? `${submitted}${sleep}${kind.wait('r')};\n  ${READ}` : `${kind.call};\n  ${READ}`;
}

/**
 * Main serves one connection; the client writes, then sends (or, for connect -> accept, writes
 * before it connects). Without the hand-off the client writes after connecting and sends
 * nothing, and main sleeps instead of receiving.
 */
function socketEdge(viaSend: boolean): Edge {
  return pair(
    viaSend ? 'socket send -> recv' : 'socket connect -> accept',
    (handoff, late) => `${imports('Process')}
import { socket, encode } from 'socket';
const data = new RawArray('i', 1);
function client() {
  const c = socket();
  ${handoff && !viaSend ? `${WRITE}\n  c.connect(['127.0.0.1', 8080]);` : `c.connect(['127.0.0.1', 8080]);\n  ${WRITE}`}
  ${handoff && viaSend ? "c.send(encode('go'));" : ''}
  c.close();
}
if (__name__ === '__main__') {
  const s = socket();
  s.bind(['127.0.0.1', 8080]);
  s.listen(1);
  const p = new Process({ target: client });
  p.start();
  ${late ? `sleep(${WAIT});` : ''}
  const [conn] = s.accept();
  ${handoff && viaSend ? 'conn.recv(16);' : handoff ? '' : `sleep(${WAIT});`}
  ${READ}
  conn.close();
  s.close();
  p.join();
}`,
    true,
  );
}

/** A JoinableQueue's taskDone() -> the join() it lets return: the worker writes, main reads. */
const taskDoneEdge = pair(
  'JoinableQueue taskDone -> join',
  (handoff, late) => `${imports('Process')}
import { JoinableQueue } from 'multiprocessing';
const q = new JoinableQueue();
const data = new RawArray('i', 1);
function worker() {
  q.get();
  ${WRITE}
  q.taskDone();
}
if (__name__ === '__main__') {
  const p = new Process({ target: worker });
  p.start();
  q.put(1);
  ${handoff ? `${late ? `sleep(${WAIT});\n  ` : ''}q.join();` : `sleep(${WAIT});`}
  ${READ}
  p.join();
}`,
  true,
);

export const EDGES: Edge[] = [
  twoParties('Lock release -> acquire', {
    declare: "import { Lock } from 'multiprocessing';\nconst lock = new Lock();",
    writer: (w) => `lock.acquire();\n  ${w}\n  lock.release();`,
    reader: (r) => `lock.acquire();\n  ${r}\n  lock.release();`,
    eitherOrder: true,
  }),
  // The write sits between the inner and the outermost release: only the outermost one lets
  // another process in, so it must publish what came before it.
  twoParties('RLock release -> acquire', {
    declare: "import { RLock } from 'threading';\nconst lock = new RLock();",
    writer: (w) =>
      `lock.acquire();\n  lock.acquire();\n  lock.release();\n  ${w}\n  lock.release();`,
    reader: (r) => `lock.acquire();\n  ${r}\n  lock.release();`,
    party: 'Thread',
    eitherOrder: true,
  }),
  twoParties('Semaphore release -> acquire', {
    declare: "import { Semaphore } from 'multiprocessing';\nconst sem = new Semaphore(0);",
    writer: (w) => `${w}\n  sem.release();`,
    reader: (r) => `sem.acquire();\n  ${r}`,
    data: 'Value',
  }),
  // Main takes the only permit first, so the reader waits for the writer's release.
  twoParties('BoundedSemaphore release -> acquire', {
    declare:
      "import { BoundedSemaphore } from 'multiprocessing';\nconst sem = new BoundedSemaphore(1);",
    setup: 'sem.acquire();',
    writer: (w) => `${w}\n  sem.release();`,
    reader: (r) => `sem.acquire();\n  ${r}\n  sem.release();`,
  }),
  // The reader finds the flag set, or waits until notify() wakes it; the flag is read and
  // written under the condition's lock only.
  twoParties('Condition notify -> wait', {
    declare:
      "import { Condition, RawValue } from 'multiprocessing';\nconst cond = new Condition();\nconst ready = new RawValue('i', 0);",
    writer: (w) =>
      `${w}\n  cond.acquire();\n  ready.value = 1;\n  cond.notify();\n  cond.release();`,
    reader: (r) =>
      `cond.acquire();\n  cond.waitFor(() => ready.value === 1);\n  cond.release();\n  ${r}`,
  }),
  twoParties('Event set -> wait', {
    declare: "import { Event } from 'multiprocessing';\nconst event = new Event();",
    writer: (w) => `${w}\n  event.set();`,
    reader: (r) => `event.wait();\n  ${r}`,
    data: 'Value',
  }),
  twoParties('Barrier', {
    declare: "import { Barrier } from 'threading';\nconst barrier = new Barrier(2);",
    writer: (w) => `${w}\n  barrier.wait();`,
    reader: (r) => `barrier.wait();\n  ${r}`,
    party: 'Thread',
    data: 'Value',
  }),
  ...['Queue', 'JoinableQueue', 'SimpleQueue'].map((q) =>
    queueEdge(q, 'multiprocessing', 'Process'),
  ),
  ...['Queue', 'LifoQueue', 'PriorityQueue', 'SimpleQueue'].map((q) =>
    queueEdge(q, 'queue', 'Thread'),
  ),
  taskDoneEdge,
  twoParties('Pipe send -> recv', {
    declare: "import { Pipe } from 'multiprocessing';\nconst [sender, receiver] = Pipe();",
    writer: (w) => `${w}\n  sender.send(1);`,
    reader: (r) => `receiver.recv();\n  ${r}`,
  }),
  socketEdge(true),
  socketEdge(false),
  startEdge('Process'),
  joinEdge('Process'),
  startEdge('Thread'),
  joinEdge('Thread'),
  ...POOLS.flatMap(poolEdges),
  twoParties('fs writeFileSync -> readFileSync', {
    declare: "import { existsSync, readFileSync, writeFileSync } from 'fs';",
    writer: (w) => `${w}\n  writeFileSync('ready', 'yes');`,
    reader: (r) =>
      `while (!existsSync('ready')) sleep(0.1);\n  readFileSync('ready', 'utf8');\n  ${r}`,
  }),
];

/** Operations that must not order the write before the read: each program has one race. */
export const NON_EDGES: Edge[] = [
  nonEdge('Lock acquire(false) that fails', {
    declare: "import { Lock } from 'multiprocessing';\nconst lock = new Lock();",
    writer: (w) =>
      `${w}\n  lock.acquire();\n  lock.release();\n  lock.acquire();\n  sleep(${2 * WAIT});\n  lock.release();`,
    reader: (r) => `print('acquired', lock.acquire(false));\n  ${r}`,
  }),
  nonEdge('Semaphore acquire(false) that fails', {
    declare: "import { Semaphore } from 'multiprocessing';\nconst sem = new Semaphore(0);",
    writer: (w) => `${w}\n  sem.release();\n  sem.acquire();`,
    reader: (r) => `print('acquired', sem.acquire(false));\n  ${r}`,
  }),
  nonEdge('Event wait that times out', {
    declare: "import { Event } from 'multiprocessing';\nconst event = new Event();",
    writer: (w) => `${w}\n  event.set();\n  event.clear();`,
    reader: (r) => `print('set', event.wait(0.1));\n  ${r}`,
  }),
  // The reader gets the item main put before the writer's: "put -> the get of that item".
  nonEdge("Queue get of another process's item", {
    declare: "import { Queue } from 'multiprocessing';\nconst q = new Queue();",
    setup: "q.put('main');",
    writer: (w) => `${w}\n  q.put('writer');`,
    reader: (r) => `print('got', q.get());\n  ${r}\n  q.get();`,
  }),
  // A LifoQueue gives the reader back its own item, put after the writer's.
  nonEdge("LifoQueue get of the reader's own item", {
    declare: "import { LifoQueue } from 'queue';\nconst q = new LifoQueue();",
    writer: (w) => `${w}\n  q.put('writer');`,
    reader: (r) => `q.put('reader');\n  print('got', q.get());\n  ${r}\n  q.get();`,
    party: 'Thread',
  }),
  // A PriorityQueue gives the reader the item of the higher priority, main's.
  nonEdge('PriorityQueue get of a higher-priority item', {
    declare: "import { PriorityQueue } from 'queue';\nconst q = new PriorityQueue<number>();",
    setup: 'q.put(0);',
    writer: (w) => `${w}\n  q.put(1);`,
    reader: (r) => `print('got', q.get());\n  ${r}\n  q.get();`,
    party: 'Thread',
  }),
  nonEdge("Pipe recv of another process's message", {
    declare: "import { Pipe } from 'multiprocessing';\nconst [sender, receiver] = Pipe();",
    setup: "sender.send('main');",
    writer: (w) => `${w}\n  sender.send('writer');`,
    reader: (r) => `print('got', receiver.recv());\n  ${r}\n  receiver.recv();`,
  }),
  // The writer writes one file, the reader reads another (main wrote it before either began).
  nonEdge('fs read of another file', {
    declare: "import { readFileSync, writeFileSync } from 'fs';",
    setup: "writeFileSync('other', 'main');",
    writer: (w) => `${w}\n  writeFileSync('mine', 'writer');`,
    reader: (r) => `print('other', readFileSync('other', 'utf8'));\n  ${r}`,
  }),
  {
    name: 'join(timeout) that times out',
    clean: [],
    racy: `${imports('Process')}
const data = new RawArray('i', 1);
function child() {
  ${WRITE}
  sleep(${2 * WAIT});
}
if (__name__ === '__main__') {
  const p = new Process({ target: child });
  p.start();
  sleep(${WAIT});
  p.join(0.1);
  print('alive', p.isAlive());
  ${READ}
  p.join();
}`,
  },
];
