/**
 * A program packed into a share link, so the link needs no server: `<version>.<payload>`.
 *
 * The version tag names the format. A new format gets a new tag and its own entry in FORMATS;
 * the old entries stay, so links already shared keep opening.
 *
 * Format 1: UTF-8, compressed with the platform's `CompressionStream('deflate-raw')`, in
 * base64url. The platform's deflate is in every browser that can run the playground (and in
 * Node 18+, where the tests run), costs no bundle bytes, and compresses source text as well as
 * any library would (fflate is the same deflate in 8 kB more; lz-string compresses worse).
 */

/** The largest program a link may carry: 64 KB of UTF-8. */
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

const FORMATS: Record<string, Format> = {
  '1': {
    pack: async (bytes) => toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw'))),
    unpack: (payload, limit) =>
      pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'), limit),
  },
};

/** The version new links are written in. */
const CURRENT = '1';

/** Packs a program for a link; refuses one over MAX_PROGRAM_BYTES. */
export async function encodeProgram(program: string): Promise<string> {
  const bytes = new TextEncoder().encode(program);
  if (bytes.length > MAX_PROGRAM_BYTES) {
    throw new ShareLinkError(
      `This program is ${kilobytes(bytes.length)}, and a link can carry at most ` +
        `${kilobytes(MAX_PROGRAM_BYTES)}. Shorten the program, or share it as a file.`,
    );
  }
  return `${CURRENT}.${await FORMATS[CURRENT].pack(bytes)}`;
}

/** The program a link carries; a ShareLinkError that says what is wrong when it cannot be read. */
export async function decodeProgram(token: string): Promise<string> {
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
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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
