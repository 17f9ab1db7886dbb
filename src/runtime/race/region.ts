import { HEADER_BYTES } from '../alloc';
import { MAX_OBJECTS, MAX_PROCS, PID_BASE } from '../layout';
import { MAX_RACE_REPORTS } from './race-notice';

/**
 * The race detector's part of the shared heap, made by the page with the heap when a run
 * detects races (`H.race` holds its byte offset; 0: detection off). Int32 words from its start:
 *
 *   header                 REPORT_LOCK, REPORTS (how many were sent), SHADOW_NEXT (next free
 *                          byte of the shadow space), STOPPED (1 once it ran out), NOTICED, then the
 *                          program-line pairs reported so far (at most one report each)
 *   clock table            CLOCK_KEYS entries of 2 words: a mutex, and the byte offset of the
 *                          key's vector clock block (sync-clocks.ts; 0 until first published)
 *   shadow table           MAX_OBJECTS words: byte offset of each shared Value's or Array's
 *                          shadow cells (0: none yet; -1: too big, never checked)
 *   shadow space           the rest, for the cells (shadow.ts)
 */
export const REPORT_LOCK = 0;
export const REPORTS = 1;
export const SHADOW_NEXT = 2;
export const STOPPED = 3;
/** 1 once a process has told the run that checking stopped (one notice per run). */
export const NOTICED = 4;
export const PAIRS = 8;
const HEADER_WORDS = PAIRS + 2 * MAX_RACE_REPORTS;

/**
 * What orders events: every shared object (by id), each process's start and end (what its
 * parent did before start() happens before it; all it did before join() returns), each file.
 */
export function startKey(pid: number): number {
  return MAX_OBJECTS + (pid - PID_BASE) * 2;
}
export function endKey(pid: number): number {
  return startKey(pid) + 1;
}
const FILES_KEY = MAX_OBJECTS + MAX_PROCS * 2;
const FILE_KEYS = 256;
/** A file's key, by its path (two paths may share one: that can hide a race, never invent one). */
export function fileKey(path: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return FILES_KEY + ((hash >>> 0) % FILE_KEYS);
}
const CLOCK_KEYS = FILES_KEY + FILE_KEYS;

export const CLOCK_TABLE = HEADER_WORDS;
export const SHADOW_TABLE = CLOCK_TABLE + CLOCK_KEYS * 2;
const SHADOW_SPACE = SHADOW_TABLE + MAX_OBJECTS;
/**
 * 8 MiB less the allocator's block header (its size classes are powers of two), so the shadow
 * space holds the cells of about 190,000 elements (40 bytes each).
 */
export const REGION_BYTES = (8 << 20) - HEADER_BYTES;

/** Fills a fresh (zeroed) region that starts at byte `at`. */
export function initRegion(i32: Int32Array, at: number): void {
  i32[at / 4 + SHADOW_NEXT] = at + SHADOW_SPACE * 4;
}

/** The byte where the shadow space ends. */
export function shadowEnd(at: number): number {
  return at + REGION_BYTES;
}
