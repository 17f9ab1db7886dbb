/**
 * The gallery run with race detection on (issue #16): which lessons race, where, and the
 * check that each lesson reports exactly that. Used by e2e/lessons/races.spec.ts and its solo
 * half, which together run every lesson.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { runnerImport } from 'vite';
import type { Lesson } from '../../src/examples/lesson';
import type { RunEvent } from '../../src/host/run-events';
import { runLesson } from './lessons';
import { expect, type RunResult } from './runner';

type RaceEvent = Extract<RunEvent, { type: 'race' }>;

/**
 * Every lesson of the gallery, as the app builds it: the catalog imports its programs with
 * Vite's `?raw`, so Vite loads it here too.
 */
export async function galleryLessons(): Promise<Lesson[]> {
  const catalog = fileURLToPath(new URL('../../src/examples/catalog.ts', import.meta.url));
  const { module } = await runnerImport<typeof import('../../src/examples/catalog')>(catalog, {
    configFile: false,
    logLevel: 'silent',
  });
  return module.LESSONS;
}

/**
 * The racy lessons: the statement whose unsynchronised write races, and the other statements
 * that touch the same element. Every report of the lesson names the write's line (no other
 * write races: the others are ordered by a lock) and nothing but these lines.
 */
export const RACY: Record<string, { write: string; others: string[] }> = {
  p41: { write: 'this.counter[0] += 1;', others: ['print(this.counter[0]);'] },
  p42: { write: 'this.counter[0] += 1;', others: ['print(this.counter[0]);'] },
  // The semaphore lets five threads in at once; it orders nothing among them.
  p46: { write: 'this.counter[0] += 1;', others: ['print(this.counter[0]);'] },
  // deposit forgets the lock that withdraw holds.
  p62: { write: 'account.value += amount;', others: ['account.value -= amount;'] },
  // c.value = c.value + 1 is the read and the write; main reads only after join.
  p63: { write: 'c.value = c.value + 1;', others: [] },
};

/**
 * Racy lessons that open with race detection off, and why: they find their race another way,
 * which a report on every run would get in the way of.
 */
export const FOUND_OTHERWISE: Record<string, string> = {
  p63: 'finds the lost update by exploring schedules, and every schedule would fail on the report',
};

/**
 * Lessons whose race the detector cannot see, and why: it checks reads and writes of Value and
 * Array elements in JavaScript only. They report none, and their texts say why.
 */
export const UNSEEN: Record<string, string> = {
  p59: 'races on a file (fs), which is not checked',
  p61: 'races inside a WebAssembly kernel, which is not checked',
};

/** Lessons that loop for ever: stopped after this many ms (at the time scale below). */
const NEVER_ENDS: Record<string, number> = { p47: 3000 };

/** Every sleep and timeout a tenth as long, as the other lesson specs do for long lessons. */
const TIME_SCALE = 0.1;

/** The 1-based line of the one line of `source` that holds `statement`. */
export function lineOf(source: string, statement: string): number {
  const lines = source.split('\n');
  const at = lines.flatMap((text, i) => (text.includes(statement) ? [i + 1] : []));
  if (at.length !== 1) throw new Error(`'${statement}' is on ${at.length} lines, not one`);
  return at[0];
}

export function racesOf(run: RunResult): RaceEvent[] {
  return run.raw.events.filter((e): e is RaceEvent => e.type === 'race');
}

/**
 * Lessons whose own tests run solo (they load every core, or measure time): here they run
 * in races.solo.spec.ts, after the others, for the same reason.
 */
export function soloLessonIds(): Set<string> {
  const dir = fileURLToPath(new URL('../lessons/', import.meta.url));
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith('.solo.spec.ts') && !f.startsWith('races.'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/test\('(p\d+)[: ]/g)])
    .map(([, id]) => id);
  return new Set(ids);
}

/**
 * Runs a lesson with race detection on and asserts it reports what RACY says: its races, each
 * naming the racing write's line, or none at all.
 */
export async function checkLesson(page: Page, lesson: Lesson): Promise<void> {
  const run = await runLesson(page, lesson.id, {
    races: true,
    timeScale: TIME_SCALE,
    timeoutMs: NEVER_ENDS[lesson.id] ?? 60_000,
  });
  const races = racesOf(run);
  recordRow(lesson, races);
  expect(run.raw.compileError).toBeUndefined();
  if (NEVER_ENDS[lesson.id]) expect(run.end.reason).toBe('timeout');
  else expect(run.end.reason).not.toBe('timeout');
  const racy = RACY[lesson.id];
  if (!racy) {
    expect(races.map((r) => r.text)).toEqual([]);
    expect(run.stderr).not.toContain('DATA RACE');
    return;
  }
  const write = lineOf(lesson.source, racy.write);
  const lines = [write, ...racy.others.map((s) => lineOf(lesson.source, s))];
  expect(races.length).toBeGreaterThan(0);
  for (const race of races) {
    const { current, previous, text } = race;
    expect([current.line, previous.line], text).toContain(write);
    expect(lines, text).toContain(current.line === write ? previous.line : current.line);
    expect(current.pid, text).not.toBe(previous.pid);
    expect(current.write || previous.write, text).toBe(true);
    expect(text).toMatch(/^DATA RACE on /);
    expect(text).toContain(`${lesson.id}.ts:${current.line} by `);
    expect(text).toContain(`${lesson.id}.ts:${previous.line} by `);
    expect(run.stderr).toContain(text);
  }
}

/** `14 (write) × 14 (read)`: the lines of a report, the current access first. */
function pairOf({ current, previous }: RaceEvent): string {
  const side = (a: RaceEvent['current']) => `${a.line} (${a.write ? 'write' : 'read'})`;
  return `${side(current)} × ${side(previous)}`;
}

// RACE_TABLE=1: the table of the closing note, made by one run of every lesson:
//   RACE_TABLE=1 npx playwright test e2e/lessons/races.spec.ts --project=all --workers=1
// Each test writes its lesson's row to a folder of this invocation of playwright (its workers
// are children of one process), so rows survive a worker restarted after a failure; the
// spec's afterAll prints them all.

/** Whether RACE_TABLE=1 asks for the table. */
export const TABLE = process.env.RACE_TABLE === '1';
const rowsDir = join(tmpdir(), `race-table-${process.ppid}`);

function recordRow(lesson: Lesson, races: RaceEvent[]): void {
  if (!TABLE) return;
  const expected = RACY[lesson.id]
    ? 'racy'
    : UNSEEN[lesson.id]
      ? `racy, ${UNSEEN[lesson.id]}`
      : 'clean';
  const lines = [...new Set(races.map(pairOf))].join('; ') || '-';
  const row = `| ${lesson.id} | ${lesson.title.en} | ${expected} | ${races.length} | ${lines} |`;
  mkdirSync(rowsDir, { recursive: true });
  writeFileSync(join(rowsDir, lesson.id), row);
}

/** Prints the markdown table of every lesson's row (a lesson that did not run says so). */
export function printTable(lessons: Lesson[]): void {
  if (!TABLE) return;
  const rows = lessons.map((lesson) => {
    try {
      return readFileSync(join(rowsDir, lesson.id), 'utf8');
    } catch {
      return `| ${lesson.id} | ${lesson.title.en} | | not run | |`;
    }
  });
  const header = [
    '| lesson | title | expected | races reported | lines (this access × the earlier one) |',
    '| --- | --- | --- | --- | --- |',
  ];
  console.log([...header, ...rows].join('\n'));
}
