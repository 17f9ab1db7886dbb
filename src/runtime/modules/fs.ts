/**
 * Node's `fs` names over the run's shared file store (file-store.ts): files every process of
 * the run sees, kept in memory for the run.
 */
import { fileStore } from '../file-store';

type Encoding = 'utf8' | 'utf-8';
type ReadOptions = Encoding | { encoding?: Encoding | null } | null | undefined;

/** Node's ENOENT error. */
export class FileNotFoundError extends Error {
  override name = 'Error';
  readonly code = 'ENOENT';
  readonly errno = -2;
  constructor(
    readonly syscall: string,
    readonly path: string,
  ) {
    super(`ENOENT: no such file or directory, ${syscall} '${path}'`);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The file's text with an encoding ('utf8'), its bytes without. */
export function readFileSync(path: string): Uint8Array;
export function readFileSync(path: string, options: Encoding | { encoding: Encoding }): string;
export function readFileSync(path: string, options?: ReadOptions): string | Uint8Array {
  const bytes = fileStore().read(String(path));
  if (!bytes) throw new FileNotFoundError('open', String(path));
  const encoding = typeof options === 'string' ? options : options?.encoding;
  return encoding ? decoder.decode(bytes) : bytes;
}

export function writeFileSync(path: string, data: string | Uint8Array): void {
  fileStore().write(String(path), typeof data === 'string' ? encoder.encode(data) : data);
}

export function appendFileSync(path: string, data: string | Uint8Array): void {
  fileStore().write(String(path), typeof data === 'string' ? encoder.encode(data) : data, true);
}

export function existsSync(path: string): boolean {
  return fileStore().exists(String(path));
}

export function unlinkSync(path: string): void {
  if (!fileStore().remove(String(path))) throw new FileNotFoundError('unlink', String(path));
}

export function readdirSync(): string[] {
  return fileStore().list();
}
