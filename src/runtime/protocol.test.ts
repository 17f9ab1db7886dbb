import { describe, expect, it } from 'vitest';
import { CLIPPED, LIMITS, checkNotice, type SenderView } from './protocol';

const sender: SenderView = {
  pid: 1001,
  process: 1001,
  memoryBytes: 1 << 20,
  isFreshPid: (pid) => pid === 1002,
  maySignal: (pid) => pid === 1002,
};

function why(data: unknown): string {
  const checked = checkNotice(data, sender);
  return checked.ok ? 'accepted' : checked.why;
}

const spawn = (req: Record<string, unknown>) => ({
  t: 'spawn',
  from: 1001,
  req: {
    pid: 1002,
    name: 'Process-2',
    identity: [1, 1],
    kind: 'process',
    daemon: false,
    startMethod: 'fork',
    job: { targetName: 'f' },
    sites: { a: 3 },
    process: { pid: 1002, ppid: 1001, name: 'Process-2' },
    ...req,
  },
});

const chart = (item: Record<string, unknown>) => ({
  t: 'display',
  pid: 1001,
  at: 5,
  item: {
    kind: 'chart',
    type: 'bar',
    title: 't',
    xLabel: '',
    yLabel: '',
    labels: ['a', 'b'],
    series: [{ name: '', data: [1, 2] }],
    ...item,
  },
});

const image = (item: Record<string, unknown>) => ({
  t: 'display',
  pid: 1001,
  at: 5,
  item: {
    kind: 'image',
    key: 1,
    title: '',
    width: 4,
    height: 4,
    format: 'values',
    max: 255,
    palette: [0, 0xffffff],
    tintRows: null,
    pixels: { offset: 4096, length: 16, view: 'Int32Array' },
    ...item,
  },
});

describe('checkNotice refuses', () => {
  it('what is not a notice', () => {
    expect(why(null)).toBe('the message is not an object');
    expect(why([1])).toBe('the message is not an object');
    expect(why({ t: 'hello' })).toBe('an unknown notice "hello"');
    expect(why({ t: 'ready' })).toBe('an unknown notice "ready"');
  });

  it('a notice about another pid than the sender', () => {
    expect(why({ t: 'out', pid: 1000, stream: 'stdout', text: 'x', at: 1 })).toBe(
      'pid 1000, not its own pid',
    );
    expect(why({ t: 'exit', pid: 1000 })).toBe('pid 1000, not its own pid');
    expect(why({ ...spawn({}), from: 1000 })).toBe("'from' 1000, not its own pid");
  });

  it('unknown streams and malformed fields', () => {
    expect(why({ t: 'out', pid: 1001, stream: 'evil', text: 'x', at: 1 })).toBe(
      'stream evil is not one of stdout, stderr',
    );
    expect(why({ t: 'out', pid: 1001, stream: 'stdout', text: 5, at: 1 })).toBe(
      'text is not a string',
    );
    expect(why({ t: 'out', pid: 1001, stream: 'stdout', text: 'x', at: NaN })).toBe(
      'at is not a finite number',
    );
  });

  it('a spawn of a pid that is taken or out of the table, or of a thread in another process', () => {
    expect(why(spawn({}))).toBe('accepted');
    expect(why(spawn({ pid: 1003 }))).toBe('a spawn of pid 1003, which is taken');
    expect(why(spawn({ pid: 999999 }))).toBe('pid 999999 is not an integer from 1000 to 5095');
    expect(why(spawn({ kind: 'thread' }))).toBe('a thread that belongs to pid 1002');
    expect(why(spawn({ sites: { a: -1 } }))).toBe(
      'site object id -1 is not an integer from 0 to 16383',
    );
  });

  it('a signal to a process the sender did not start', () => {
    expect(why({ t: 'kill', pid: 1002, signal: 15 })).toBe('accepted');
    expect(why({ t: 'kill', pid: 1000, signal: 15 })).toBe('a signal to pid 1000, not its child');
    expect(why({ t: 'kill', pid: 1002, signal: 3 })).toBe('signal 3 is not one of 9, 15');
  });

  it('pictures outside the run memory, too large or inconsistent', () => {
    expect(why(image({}))).toBe('accepted');
    expect(why(image({ pixels: { offset: 1 << 20, length: 16, view: 'Int32Array' } }))).toBe(
      "pixels outside the run's shared memory",
    );
    expect(why(image({ pixels: { offset: 2, length: 16, view: 'Int32Array' } }))).toBe(
      "pixels outside the run's shared memory",
    );
    expect(why(image({ pixels: { offset: 0, length: 16, view: 'DataView' } }))).toMatch(
      /^pixels view DataView is not one of/,
    );
    expect(why(image({ width: 5 }))).toBe('an image larger than its pixel array');
    expect(why(image({ width: 5000 }))).toBe('width 5000 is not an integer from 1 to 4096');
    expect(why(chart({ labels: Array(10_001).fill('l') }))).toBe('labels longer than 10000');
    expect(why(chart({ series: [{ name: '', data: [1] }] }))).toBe(
      'a chart series without one label per value',
    );
    expect(why(chart({ series: [{ name: '', data: [1, Infinity] }] }))).toBe(
      'chart value is not a finite number',
    );
  });
});

describe('checkNotice cuts', () => {
  it('names, titles and labels to the limits, with a mark', () => {
    const long = 'n'.repeat(1_000_000);
    const spawned = checkNotice(spawn({ name: long }), sender);
    if (!spawned.ok || spawned.notice.t !== 'spawn') throw new Error('refused');
    expect(spawned.notice.req.name).toHaveLength(LIMITS.nameChars);
    expect(spawned.notice.req.name.endsWith(CLIPPED)).toBe(true);
    const drawn = checkNotice(chart({ title: long, labels: [long, 'b'] }), sender);
    if (!drawn.ok || drawn.notice.t !== 'display' || drawn.notice.item.kind !== 'chart')
      throw new Error('refused');
    expect(drawn.notice.item.title).toHaveLength(LIMITS.titleChars);
    expect(drawn.notice.item.labels[0]).toHaveLength(LIMITS.labelChars);
    const named = checkNotice({ t: 'object', id: 3, kind: 1, name: long }, sender);
    expect(named.ok && named.notice.t === 'object' && named.notice.name.length).toBe(
      LIMITS.nameChars,
    );
  });

  it('output to one character past the whole output cap (the page says it was cut)', () => {
    const text = 'x'.repeat(LIMITS.outputBytes + 100);
    const out = checkNotice({ t: 'out', pid: 1001, stream: 'stdout', text, at: 1 }, sender);
    expect(out.ok && out.notice.t === 'out' && out.notice.text.length).toBe(LIMITS.outputBytes + 1);
  });
});
