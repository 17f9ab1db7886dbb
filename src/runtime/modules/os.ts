/** Python's `os` module, the parts a concurrent program asks about. */
import { ctx } from '../context';

/** This process's id (in a thread, the id of the process it belongs to). */
export function getpid(): number {
  return ctx().process.pid;
}

/** The parent process's id; for the main process, the page's supervisor (pid 1). */
export function getppid(): number {
  return ctx().process.ppid;
}

/** Logical cores the browser reports (navigator.hardwareConcurrency). */
export function cpuCount(): number {
  return navigator.hardwareConcurrency || 1;
}
