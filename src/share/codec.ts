/**
 * A program packed into a share link, so the link needs no server: `<version>.<payload>`.
 *
 * The version tag names the format. A new format gets a new tag and its own entry in FORMATS;
 * the old entries stay, so links already shared keep opening.
 *
 * Format 1: the program (main.ts alone) as UTF-8, compressed with the platform's
 * `CompressionStream('deflate-raw')`, in base64url. The platform's deflate is in every browser
 * that can run the playground (and in Node 18+, where the tests run), costs no bundle bytes, and
 * compresses source text as well as any library would (fflate is the same deflate in 8 kB more;
 * lz-string compresses worse).
 * Format 2: every file of a program with kernel files, as the UTF-8 of a JSON array of
 * `[name, text]` pairs, main.ts first; packed as format 1. A program of main.ts alone is still
 * written in format 1, so its links stay as short as before.
 */
import { MAIN_FILE, programFilesProblem, type ProgramFile } from '../compile/program-files';

/** The largest program a link may carry: 64 KB of UTF-8 (format 2: of its JSON). */
export const MAX_PROGRAM_BYTES = 64 * 1024;

/** A link that cannot carry, or does not carry, a readable program; the message says which. */
export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

interface Format {
  pack(bytes: Uint8Array<ArrayBuffer>): Promise<string>;
  /** The program's bytes; throws ShareLinkError past `limit` bytes, before inflating further. */
  unpack(payload: string, limit: number): Promise<Uint8Array<ArrayBuffer>>;
}

const deflated: Format = {
  pack: async (bytes) => toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw'))),
  unpack: (payload, limit) =>
    pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'), limit),
};

/** Each format's packing, and how its text becomes a program's files. */
const FORMATS: Record<string, Format & { files(text: string): ProgramFile[] }> = {
  '1': { ...deflated, files: (text) => [{ name: MAIN_FILE, text }] },
  '2': { ...deflated, files: filesOfJson },
};

/** Packs a program of main.ts alone for a link (see encodeFiles). */
export function encodeProgram(program: string): Promise<string> {
  return encodeFiles([{ name: MAIN_FILE, text: program }]);
}

/** Packs a program's files for a link; refuses a program over MAX_PROGRAM_BYTES. */
export async function encodeFiles(files: readonly ProgramFile[]): Promise<string> {
  const alone = files.length === 1;
  const text = alone ? files[0].text : JSON.stringify(files.map((f) => [f.name, f.text]));
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_PROGRAM_BYTES) {
    throw new ShareLinkError(
      `This program is ${kilobytes(bytes.length)}, and a link can carry at most ` +
        `${kilobytes(MAX_PROGRAM_BYTES)}. Shorten the program, or share it as a file.`,
    );
  }
  const version = alone ? '1' : '2';
  return `${version}.${await FORMATS[version].pack(bytes)}`;
}

/** A format-2 program's files, checked: a link is anyone's text. */
function filesOfJson(text: string): ProgramFile[] {
  const pairs: unknown = JSON.parse(text);
  const files =
    Array.isArray(pairs) &&
    pairs.every((p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string'))
      ? (pairs as [string, string][]).map(([name, text]) => ({ name, text }))
      : null;
  const problem = files ? programFilesProblem(files) : 'not a list of files';
  if (problem) throw new ShareLinkError(`This link's files cannot be opened: ${problem}.`);
  return files!;
}

/** The files a link carries; a ShareLinkError that says what is wrong when it cannot be read. */
export async function decodeFiles(token: string): Promise<ProgramFile[]> {
  const dot = token.indexOf('.');
  const version = dot < 0 ? '' : token.slice(0, dot);
  const format = Object.hasOwn(FORMATS, version) ? FORMATS[version] : undefined;
  if (!format) {
    throw new ShareLinkError(
      /^\d+$/.test(version)
        ? `This link was made by a newer version of the playground (format ${version}); ` +
            'reload the page, or ask for a new link.'
        : 'This link does not hold a program: it is damaged or was cut short. ' +
            'Ask for the link again, and copy all of it.',
    );
  }
  try {
    const bytes = await format.unpack(token.slice(dot + 1), MAX_PROGRAM_BYTES);
    return format.files(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError(
      "This link's program could not be read: the link is damaged or was cut short. " +
        'Ask for the link again, and copy all of it.',
      { cause: error },
    );
  }
}

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 102.4) / 10} KB`;
}

/** Runs bytes through a (de)compression stream; stops past `limit` output bytes. */
async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array<ArrayBuffer>> {
  const writer = transform.writable.getWriter();
  // The writer's promises reject with the same error the reader sees; the reader reports it.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = transform.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new ShareLinkError(
        `This link's program is over ${kilobytes(limit)}, more than a link may carry.`,
      );
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list within the engine's limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/')); // throws on a cut length
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
