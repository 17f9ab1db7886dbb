import { describe, expect, it } from 'vitest';
import { ansiRuns } from './ansi';

describe('ansiRuns', () => {
  it('turns SGR colour codes into classed runs and drops the codes', () => {
    expect(ansiRuns('生产者0生产了\x1b[35m3\x1b[0m')).toEqual([
      { text: '生产者0生产了', classes: [] },
      { text: '3', classes: ['ansi-magenta'] },
    ]);
    expect(ansiRuns('\x1b[42;1mgreen light is on...\x1b[0m')).toEqual([
      { text: 'green light is on...', classes: ['ansi-green-bg', 'ansi-bold'] },
    ]);
  });

  it('leaves plain text, markup included, as one run of text', () => {
    expect(ansiRuns('<img src=x onerror=alert(1)>')).toEqual([
      { text: '<img src=x onerror=alert(1)>', classes: [] },
    ]);
  });
});
