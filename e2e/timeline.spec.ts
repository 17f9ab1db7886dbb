import { expect, test } from '@playwright/test';
import { openWith, runToEnd } from './support/playground';

const SHORT_RUN = `import { Process } from 'multiprocessing';
function hello() { print('hello'); }
if (__name__ === '__main__') {
  const p = new Process({ target: hello });
  p.start();
  p.join();
}
`;

test('a run over before the timeline refreshes still shows each process running, not starting', async ({
  page,
}) => {
  await openWith(page, SHORT_RUN, '/?lang=en');
  // Several runs: a short one often ended between two of the timeline's reads of the traces.
  for (let run = 0; run < 3; run++) {
    await runToEnd(page);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const table = page.getByRole('table', { name: /^Timeline: what each process did when/ });
    const states = await table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...(row as HTMLTableRowElement).cells].map((c) => c.textContent)),
      );
    for (const who of ['MainProcess 1000', 'Process-1 1001']) {
      const mine = states.filter(([w]) => w === who).map(([, state]) => state);
      expect(mine, JSON.stringify(states)).toContain('running');
    }
  }
});
