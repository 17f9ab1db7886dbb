import type { ProcessActivity, ProcessState } from '../host/activity';
import { t, type WordKey } from './i18n';

const STATE_WORDS: Record<ProcessState, WordKey> = {
  starting: 'starting',
  running: 'runningState',
  blocked: 'blocked',
  sleeping: 'sleeping',
  done: 'done',
};

/** What a process is doing, as the table says it: `blocked on lockA (Lock)`, `done`. */
export function stateText(row: ProcessActivity): string {
  if (row.state === 'blocked' && row.on) return `${t('blockedOn')} ${row.on}`;
  return t(STATE_WORDS[row.state]);
}

const seconds = (ms: number | null) => (ms === null ? '' : (ms / 1000).toFixed(2));

/**
 * A live table of the run's processes and threads: state (starting, running, blocked on what,
 * sleeping, done), times and exit code. Kept after the run ends; the deadlock cycle is marked.
 */
export class ProcessTable {
  private readonly body: HTMLTableSectionElement;
  private readonly empty: HTMLElement;
  private cycle = new Set<number>();

  constructor(root: HTMLElement) {
    root.innerHTML = `
      <p class="empty" data-i18n="noRun"></p>
      <table class="process-table" hidden>
        <thead><tr>
          <th data-i18n="pid"></th><th data-i18n="name"></th><th data-i18n="kind"></th>
          <th data-i18n="state"></th><th data-i18n="started"></th><th data-i18n="ended"></th>
          <th data-i18n="exitCode"></th>
        </tr></thead>
        <tbody></tbody>
      </table>`;
    this.body = root.querySelector('tbody')!;
    this.empty = root.querySelector('.empty')!;
  }

  clear(): void {
    this.cycle.clear();
    this.update([]);
  }

  /** pids of the deadlock's wait-for cycle, to mark. */
  markCycle(pids: number[]): void {
    this.cycle = new Set(pids);
  }

  update(rows: ProcessActivity[]): void {
    this.empty.hidden = rows.length > 0;
    this.body.parentElement!.hidden = rows.length === 0;
    this.body.replaceChildren(
      ...rows.map((row) => {
        const { info } = row;
        const tr = document.createElement('tr');
        tr.dataset.pid = String(info.pid);
        tr.dataset.state = row.state;
        if (this.cycle.has(info.pid)) {
          tr.classList.add('in-cycle');
          tr.title = t('inCycle');
        }
        const cells = [
          String(info.pid),
          info.name,
          info.daemon ? `${info.kind} (daemon)` : info.kind,
          stateText(row),
          seconds(info.startedAt),
          seconds(info.endedAt),
          info.exitCode === null ? '' : String(info.exitCode),
        ];
        for (const text of cells) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      }),
    );
  }
}
