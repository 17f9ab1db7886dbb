import type { RunEvent } from '../host/run-events';

const PALETTE = [
  '#2b7bb9',
  '#c2410c',
  '#15803d',
  '#9333ea',
  '#b45309',
  '#0f766e',
  '#be185d',
  '#4d7c0f',
];

/**
 * The run's output: one row per line, tagged `[name pid]` and coloured per process. Output is
 * always text (textContent), never HTML: a program that prints markup shows the characters.
 */
export class ConsoleView {
  private readonly colours = new Map<number, string>();

  constructor(private readonly root: HTMLElement) {
    root.setAttribute('role', 'log');
    root.setAttribute('aria-live', 'polite');
  }

  clear(): void {
    this.root.replaceChildren();
    this.colours.clear();
  }

  /** A line from the playground itself (run summary, compile error). */
  system(text: string, kind: 'info' | 'error' = 'info'): void {
    const row = document.createElement('div');
    row.className = `line system ${kind}`;
    row.textContent = text;
    this.append(row);
  }

  show(event: RunEvent): void {
    if (event.type === 'output') {
      const row = document.createElement('div');
      row.className = `line ${event.stream}`;
      row.dataset.pid = String(event.pid);
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.style.color = this.colour(event.pid);
      tag.textContent = `[${event.name} ${event.pid}]`;
      const text = document.createElement('span');
      text.className = 'text';
      text.textContent = event.text;
      row.append(tag, text);
      this.append(row);
    } else if (event.type === 'deadlock') {
      this.system(event.report.text, 'error');
    } else if (event.type === 'end') {
      const seconds = (event.durationMs / 1000).toFixed(2);
      const how =
        event.reason === 'exit'
          ? `exit code ${event.exitCode}`
          : event.reason === 'timeout'
            ? 'stopped: time limit'
            : event.reason === 'deadlock'
              ? 'deadlock'
              : 'stopped';
      this.system(`— ${how} · ${seconds} s —`, event.exitCode ? 'error' : 'info');
    }
  }

  private colour(pid: number): string {
    let colour = this.colours.get(pid);
    if (!colour) {
      colour = PALETTE[this.colours.size % PALETTE.length];
      this.colours.set(pid, colour);
    }
    return colour;
  }

  private append(row: HTMLElement): void {
    const atBottom = this.root.scrollTop + this.root.clientHeight >= this.root.scrollHeight - 4;
    this.root.append(row);
    if (atBottom) this.root.scrollTop = this.root.scrollHeight;
  }
}
