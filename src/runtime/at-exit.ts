import { perProcess } from './process-state';

/**
 * Ends (pipe connections, sockets) this process holds open. When its code ends they are
 * closed for it, as the OS closes a process's file descriptors, so the other side sees EOF.
 */
export interface Closable {
  close(): void;
}

const held = new Set<Closable>();
perProcess(() => held.clear());

export function holdOpen(end: Closable): void {
  held.add(end);
}

export function released(end: Closable): void {
  held.delete(end);
}

export function closeHeldEnds(): void {
  for (const end of [...held]) end.close();
}
