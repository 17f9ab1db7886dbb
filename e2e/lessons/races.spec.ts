import { runLesson } from '../support/lessons';
import {
  FOUND_OTHERWISE,
  RACY,
  checkLesson,
  galleryLessons,
  TABLE,
  lineOf,
  printTable,
  racesOf,
  soloLessonIds,
} from '../support/races';
import { expect, test } from '../support/runner';

// Every lesson of the gallery with race detection on (#16): the racy lessons report their
// race, naming its lines; every other lesson reports none. Lessons whose own tests run solo
// run in races.solo.spec.ts, except for the table (RACE_TABLE=1, support/races.ts): then all
// run here, on one worker.

const lessons = await galleryLessons();
const solo = TABLE ? new Set<string>() : soloLessonIds();

test.describe.configure({ timeout: 120_000 });

test('the racy lessons open with race detection on (but those that find their race otherwise), and no other lesson does', () => {
  const opened = lessons.filter((l) => l.detectRaces).map((l) => l.id);
  const racy = Object.keys(RACY).filter((id) => !FOUND_OTHERWISE[id]);
  expect(opened.sort()).toEqual(racy.sort());
});

for (const lesson of lessons.filter((l) => !solo.has(l.id))) {
  const claim = RACY[lesson.id] ? 'reports its race by line' : 'reports no race';
  test(`${lesson.id} with race detection on ${claim}`, ({ page }) => checkLesson(page, lesson));
}

test('p62: the report names deposit, the line that forgets the lock; with the lock there the run is clean and the total holds', async ({
  page,
}) => {
  const lesson = lessons.find((l) => l.id === 'p62')!;
  const deposit = lineOf(lesson.source, RACY.p62.write);
  const withdraw = lineOf(lesson.source, RACY.p62.others[0]);
  // The explanation reads the report by these lines.
  expect(lesson.explain.zh).toContain(`p62.ts:${deposit}`);
  expect(lesson.explain.zh).toContain(`第 ${withdraw} 行`);
  expect(lesson.explain.en).toContain(`p62.ts:${deposit}`);
  expect(lesson.explain.en).toContain(`line ${withdraw}`);
  const run = await runLesson(page, 'p62', { races: true });
  const [balances, verdict] = run.stdout;
  expect(balances, run.lines.join('\n')).toMatch(/^alice -?\d+, bob -?\d+, total -?\d+$/);
  const [alice, bob, total] = balances.match(/-?\d+/g)!.map(Number);
  expect(total).toBe(alice + bob);
  // The race is real: updates may be lost (the total changes) or not, but it is reported.
  expect(verdict).toBe(
    total === 200 ? 'the total held (this time)' : 'money appeared or vanished!',
  );
  const races = racesOf(run);
  expect(races.length).toBeGreaterThan(0);
  for (const { text } of races) {
    expect(text).toMatch(/^DATA RACE on (alice|bob)\.value \(Value 'i'\)$/m);
    expect(text).toMatch(
      new RegExp(
        `(read|write) at p62\\.ts:${deposit} by Process-\\d \\(pid \\d+\\), holding no lock`,
      ),
    );
  }
  expect(run.exitCode).toBe(0);

  // The fix: deposit takes the lock as withdraw does.
  const fixed = await runLesson(page, 'p62', {
    races: true,
    change: (s) =>
      s
        .replace('function deposit(account: Value,', 'function deposit(lock: Lock, account: Value,')
        .replace(
          /^ {2}account\.value \+= amount;.*$/m,
          '  lock.acquire();\n  account.value += amount;\n  lock.release();',
        )
        .replace('deposit(target, 1);', 'deposit(lock, target, 1);'),
  });
  expect(racesOf(fixed).map((r) => r.text)).toEqual([]);
  expect(fixed.stdout).toEqual(['alice 100, bob 100, total 200', 'the total held (this time)']);
});

test.afterAll(() => printTable(lessons));
