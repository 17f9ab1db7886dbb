import { describe, expect, it } from 'vitest';
import {
  decodeFiles,
  encodeFiles,
  encodeProgram,
  MAX_PROGRAM_BYTES,
  ShareLinkError,
} from './codec';

/** The program (main.ts) a link carries. */
async function decodeProgram(token: string): Promise<string> {
  const files = await decodeFiles(token);
  expect(files.map((f) => f.name)).toEqual(['main.ts']);
  return files[0].text;
}

const PROGRAM = `import { Process, Lock } from 'multiprocessing';
// 锁：一次只有一个进程 (non-ASCII survives)
function f(lock: Lock, i: number) { lock.withLock(() => print('hello', i)); }
if (__name__ === '__main__') { const lock = new Lock(); new Process({ target: f, args: [lock, 1] }).start(); }
`;

async function rejection(promise: Promise<unknown>): Promise<ShareLinkError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShareLinkError);
  return error as ShareLinkError;
}

/** A format-1 token of any bytes, made without the codec's checks. */
async function tokenOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return '1.' + Buffer.from(await new Response(stream).arrayBuffer()).toString('base64url');
}

describe('share link codec', () => {
  it('round-trips a program, tagged with its format version, in URL-safe characters', async () => {
    const token = await encodeProgram(PROGRAM);
    expect(token).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(await decodeProgram(token)).toBe(PROGRAM);
    expect(await decodeProgram(await encodeProgram(''))).toBe('');
  });

  it('compresses: a repetitive program gives a much shorter link', async () => {
    const program = PROGRAM.repeat(20);
    expect((await encodeProgram(program)).length).toBeLessThan(program.length / 5);
  });

  it('keeps opening links of format 1 made earlier', async () => {
    // Made by encodeProgram("print('hi');\n") when format 1 was introduced.
    expect(await decodeProgram('1.KyjKzCvRUM_IVNe05gIA')).toBe("print('hi');\n");
  });

  it('refuses a program over 64 KB with a message, and takes one of exactly 64 KB', async () => {
    const error = await rejection(encodeProgram('x'.repeat(MAX_PROGRAM_BYTES + 1)));
    expect(error.message).toMatch(/at most 64 KB/);
    const largest = 'é'.repeat(MAX_PROGRAM_BYTES / 2); // two UTF-8 bytes each
    expect(await decodeProgram(await encodeProgram(largest))).toBe(largest);
    await rejection(encodeProgram(largest + 'x'));
  });

  it('refuses a link that inflates past the limit, without inflating all of it', async () => {
    const token = await tokenOf(new Uint8Array(10 * MAX_PROGRAM_BYTES));
    expect(token.length).toBeLessThan(1000);
    expect((await rejection(decodeProgram(token))).message).toMatch(/more than a link may carry/);
  });

  it('says a damaged, cut or foreign link is damaged', async () => {
    const token = await encodeProgram(PROGRAM);
    for (const bad of [
      token.slice(0, token.length >> 1), // cut short
      token.slice(0, 2) + '!!' + token.slice(4), // not base64url
      '1.' + 'A'.repeat(41), // impossible length
      '1.AAAAAAAA', // not deflate
      'hello',
      '',
    ]) {
      expect((await rejection(decodeProgram(bad))).message, bad).toMatch(/damaged|cut short/);
    }
  });

  it('rejects bytes that are not UTF-8', async () => {
    const error = await rejection(decodeProgram(await tokenOf(new Uint8Array([0xff, 0xfe, 0x41]))));
    expect(error.message).toMatch(/damaged/);
  });

  it('says a link of a later format needs a newer playground', async () => {
    expect((await rejection(decodeProgram('7.AAAA'))).message).toMatch(/newer version.*format 7/);
  });

  it('carries every file of a program with kernels (format 2), main.ts first', async () => {
    const files = [
      { name: 'main.ts', text: "import { f } from './k.as';\nprint(f(1));\n" },
      { name: 'k.as.ts', text: 'export function f(x: i32): i32 { return x + 1; } // 核\n' },
      { name: 'other.as.ts', text: '' },
    ];
    const token = await encodeFiles(files);
    expect(token).toMatch(/^2\.[A-Za-z0-9_-]+$/);
    expect(await decodeFiles(token)).toEqual(files);
    // A program of main.ts alone keeps format 1, as short as before.
    expect(await encodeFiles(files.slice(0, 1))).toBe(await encodeProgram(files[0].text));
  });

  it("refuses a format-2 link whose files are not a program's", async () => {
    const pack = async (json: unknown) => {
      const bytes = new TextEncoder().encode(JSON.stringify(json));
      return '2' + (await tokenOf(bytes)).slice(1);
    };
    const cases: [unknown, RegExp][] = [
      [{ main: 'x' }, /not a list of files/],
      [[['k.as.ts', 'x']], /first file must be main.ts/],
      [
        [
          ['main.ts', 'x'],
          ['../evil.ts', 'y'],
        ],
        /not a kernel file name/,
      ],
      [
        [
          ['main.ts', 'x'],
          ['k.as.ts', 'y'],
          ['k.as.ts', 'z'],
        ],
        /share a name/,
      ],
      [[['main.ts', 1]], /not a list of files/],
    ];
    for (const [json, message] of cases) {
      expect(
        (await rejection(decodeFiles(await pack(json)))).message,
        JSON.stringify(json),
      ).toMatch(message);
    }
  });
});
