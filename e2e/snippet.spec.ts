import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** Runs `npm run snippet` on a program, as a tutorial author would in CI. */
function snippet(
  source: string,
  ...args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  return snippetFiles({ 'prog.ts': source }, ...args);
}

/** The same for a program with kernel files: the first file is the program. */
function snippetFiles(
  files: Record<string, string>,
  ...args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'snippet-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const file = join(dir, Object.keys(files)[0]);
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'scripts/snippet.ts', file, ...args],
      { timeout: 90_000 },
      (error, stdout, stderr) =>
        resolve({ status: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

test.describe.configure({ timeout: 180_000 });

test('the snippet runner prints JSON lines and exits with the run status (0, 2, 3, 124)', async () => {
  const ok = await snippet(
    `import { Process } from 'multiprocessing';
function f() { print('child'); }
if (__name__ === '__main__') { const p = new Process({ target: f }); p.start(); p.join(); print('done'); }`,
    '--json',
  );
  expect(ok.status).toBe(0);
  const objects = ok.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(objects.slice(0, 2)).toMatchObject([
    { pid: 1001, name: 'Process-1', stream: 'stdout', text: 'child' },
    { pid: 1000, name: 'MainProcess', stream: 'stdout', text: 'done' },
  ]);
  expect(objects[2]).toMatchObject({ exitCode: 0, reason: 'exit' });
  expect(typeof objects[0].t).toBe('number');

  const syntax = await snippet(`const x = ;`);
  expect(syntax.status).toBe(2);
  expect(syntax.stderr).toContain('line 1, column 11');

  const deadlock = await snippet(
    `import { Lock } from 'multiprocessing';\nconst l = new Lock();\nl.acquire();\nl.acquire();`,
  );
  expect(deadlock.status).toBe(3);
  expect(deadlock.stderr).toContain('Deadlock: every live process is blocked');

  const slow = await snippet(
    `import { sleep } from 'time';\nprint('start');\nsleep(30);`,
    '--timeout',
    '2',
  );
  expect(slow.status).toBe(124);
  expect(slow.stdout).toBe('start\n');
});

test('the snippet runner reads the kernel files a program imports from beside it', async () => {
  const main = `import { RawArray } from 'multiprocessing';
import { double } from './twice.as';
const a = new RawArray('i', [1, 2, 3]);
print(double(a, 3), a.toArray().join(','));`;
  const kernel = `export function double(at: usize, n: i32): i32 {
  let sum = 0;
  for (let i = 0; i < n; i++) { const p = at + (<usize>i << 2); store<i32>(p, load<i32>(p) * 2); sum += load<i32>(p); }
  return sum;
}`;
  const ok = await snippetFiles({ 'main.ts': main, 'twice.as.ts': kernel });
  expect(ok.stderr).toBe('');
  expect(ok).toMatchObject({ status: 0, stdout: '12 2,4,6\n' });
  const broken = await snippetFiles({
    'main.ts': main,
    'twice.as.ts': kernel.replace('return sum;', 'return sum + nope;'),
  });
  expect(broken.status).toBe(2);
  expect(broken.stderr).toMatch(/File "twice\.as\.ts", line 4/);
  expect(broken.stderr).toMatch(/KernelError: Cannot find name 'nope'/);
});

test('--races: a racy program exits 66 with the report on stderr, a race-free one 0; without it, no check', async () => {
  test.setTimeout(300_000); // three runs, each starting its own server and browser
  const program = (locked: boolean) => `import { Process, Value } from 'multiprocessing';
function add(counter: Value) { for (let i = 0; i < 1000; i++) { ${locked ? 'counter.getLock().acquire(); ' : ''}counter.value += 1;${locked ? ' counter.getLock().release();' : ''} } }
if (__name__ === '__main__') {
  const counter = new Value('i', 0);
  const ps = [new Process({ target: add, args: [counter] }), new Process({ target: add, args: [counter] })];
  ps.forEach((p) => p.start());
  ps.forEach((p) => p.join());
  print('done');
}`;
  const racy = await snippet(program(false), '--races');
  expect(racy.status).toBe(66);
  expect(racy.stdout).toBe('done\n');
  expect(racy.stderr).toContain('DATA RACE on counter.value');
  expect(racy.stderr).toContain('prog.ts:2');

  const clean = await snippet(program(true), '--races');
  expect(clean).toMatchObject({ status: 0, stdout: 'done\n', stderr: '' });

  const unchecked = await snippet(program(false));
  expect(unchecked).toMatchObject({ status: 0, stdout: 'done\n', stderr: '' });
});
