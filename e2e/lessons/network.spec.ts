import { runLesson } from '../support/lessons';
import { expect, test } from '../support/runner';

test('p56: each client gets its messages back in upper case, served at the same time, one process per connection', async ({
  page,
}) => {
  const run = await runLesson(page, 'p56', { timeScale: 0.5 });
  for (const name of ['alice', 'bob', 'carol']) {
    const client = run.outputs.filter(
      (e) => e.text.includes(name.toUpperCase()) || e.text === 'BYE',
    );
    expect(run.lines).toContain(`HELLO FROM ${name.toUpperCase()}`);
    expect(run.lines).toContain(`${name.toUpperCase()} AGAIN`);
    expect(client.length).toBeGreaterThan(0);
  }
  expect(run.count('BYE')).toBe(3);
  // Three clients, three talk processes (one per connection), all ended cleanly.
  const children = run.processes().filter((p) => p.name !== 'MainProcess');
  expect(children).toHaveLength(6);
  expect(children.every((p) => p.exitCode === 0)).toBe(true);
  // Served at the same time: each client sleeps 3 x 0.5 s (scaled 0.25 s); serially it would take 3x as long.
  const first = run.timeOf(/^HELLO FROM/);
  const last = run.outputs.filter((e) => e.text === 'BYE').at(-1)!.t;
  expect(last - first).toBeLessThan(3 * 3 * 250);
});
