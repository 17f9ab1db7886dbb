import { runLesson } from '../support/lessons';
import { expect, test, usualWithin } from '../support/runner';

test('p61: plain load/store in a kernel loses updates; atomic.add never does', async ({ page }) => {
  // The race is real: nearly every run loses thousands of updates, but a run may not.
  const lostSome = await usualWithin(3, async () => {
    const run = await runLesson(page, 'p61');
    expect(run.stderr).toBe('');
    const [plain, atomic] = run.stdout;
    const lost = Number(/lost (\d+) updates$/.exec(plain)![1]);
    expect(plain).toBe(`load/store: ${20_000_000 - lost} of 20000000, lost ${lost} updates`);
    expect(atomic).toBe('atomic.add: 20000000 of 20000000, lost 0 updates');
    return lost > 0;
  });
  expect(lostSome).toBe(true);
});
