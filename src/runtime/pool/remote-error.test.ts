import { describe, expect, it } from 'vitest';
import { Empty } from '../queue/errors';
import { BrokenThreadPool } from './errors';
import { describeError, rebuildError } from './remote-error';

/** The error as the submitting process gets it back from a worker. */
function roundTrip(error: Error): Error {
  return rebuildError(structuredClone(describeError(error, 'worker traceback')));
}

describe('a task error crossing to the submitting process', () => {
  it('keeps a standard class, its name and message (test_result_exception_type)', () => {
    const back = roundTrip(new RangeError('no 7'));
    expect(back).toBeInstanceOf(RangeError);
    expect([back.name, back.message]).toEqual(['RangeError', 'no 7']);
    expect((back as { remoteTraceback?: string }).remoteTraceback).toBe('worker traceback');
  });

  it('keeps a runtime class, by its listed name (Empty, BrokenThreadPool)', () => {
    expect(roundTrip(new Empty())).toBeInstanceOf(Empty);
    const broken = roundTrip(new BrokenThreadPool('gone'));
    expect(broken).toBeInstanceOf(BrokenThreadPool);
    expect([broken.name, broken.message]).toEqual(['BrokenThreadPool', 'gone']);
  });

  it('keeps the error’s own data fields', () => {
    const error = Object.assign(new Error('short'), { balance: 5 });
    expect((roundTrip(error) as Error & { balance: number }).balance).toBe(5);
  });

  it('rebuilds a class nobody else can find as the nearest one above it, and says so', () => {
    class LocalError extends TypeError {
      override name = 'LocalError';
    }
    const sent = describeError(new LocalError('local'), 'tb');
    expect([sent.kind, sent.className]).toEqual(['standard', 'TypeError']);
    expect(sent.traceback).toContain('raised again as TypeError, the nearest class');
    const back = rebuildError(sent);
    expect(back).toBeInstanceOf(TypeError);
    expect([back.name, back.message]).toEqual(['LocalError', 'local']);
  });

  it('takes its stack where it is raised again, so the caller’s lines follow the task’s', () => {
    function askForResult() {
      return roundTrip(new RangeError('x'));
    }
    expect(askForResult().stack).toContain('askForResult');
  });
});
