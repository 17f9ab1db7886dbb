/** Python's `os` module, the parts a concurrent program asks about. */
import { ctx } from '../context';

/** This process's id. */
export function getpid(): number {
  return ctx().pid;
}

/** The parent's id; for the main process, the page's supervisor (pid 1). */
export function getppid(): number {
  return ctx().ppid;
}

/** Logical cores the browser reports (navigator.hardwareConcurrency). */
export function cpuCount(): number {
  return navigator.hardwareConcurrency || 1;
}
