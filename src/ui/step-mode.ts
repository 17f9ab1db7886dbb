/**
 * Play the scheduler (#17) on the page: Step starts the program paused and the reader gives
 * each turn (step-chooser.ts); "Find a failing schedule" explores (explore-page.ts); a failing
 * schedule, or one a link carries, replays step by step. Runs start through the page's own Run
 * path (main.ts), so the console, process table and timeline show them as any run.
 */
import type { ProgramFile } from '../compile/program-files';
import { ActivityLog } from '../host/activity';
import type { RunEvent } from '../host/run-events';
import { formatSchedule, parseSchedule, prefixChooser, type Schedule } from '../host/schedules';
import type { Run, RunOptions } from '../host/supervisor';
import type { WorkerPool } from '../host/worker-pool';
import { PAGE_SCHEDULES, explorePage, failureWords } from './explore-page';
import { t, tf } from './i18n';
import type { LineMark } from './monaco-setup';
import { StepChooser, type Ask } from './step-chooser';
import { showInAddressBar } from './share';
import { StepView, colourClass, type StepRow } from './step-panel';
import { pointText } from './step-words';
import { Point } from '../runtime/sched/region';
import './step-mode.css';

/** What step mode needs from the page. */
export interface StepHost {
  pool: WorkerPool;
  files(): ProgramFile[];
  /** Detect races is on. */
  races(): boolean;
  /** Starts the editor's program as Run does, under `schedule`; main.ts calls follow(). */
  start(schedule: NonNullable<RunOptions['schedule']>): void;
  /** Stops the run under way, if any. */
  stop(): void;
  /** Shows a finished run's events in the console (an explored schedule's), then `note`. */
  showEvents(events: RunEvent[], note: string | null): void;
  /** A process's colour in the console. */
  colour(pid: number): string;
  /** The next steps' line marks changed (lineMarks()). */
  marksChanged(): void;
  /** An exploration is under way: Stop works, the status says so. */
  busy(busy: boolean): void;
}

/** A step-mode run and how to make it again (Undo). */
interface Session {
  seed: number;
  fine: boolean;
  chooser: StepChooser;
  run: Run | null;
  log: ActivityLog;
  ended: boolean;
}

export class StepMode {
  private readonly view: StepView;
  private session: Session | null = null;
  /** A schedule to replay: one a link carries, or a failing one found (null: none). */
  private offered: { schedule: string; note: () => string } | null = null;
  private exploring: AbortController | null = null;
  private tried = 0;
  /** What the last exploration came to, when it offers nothing to replay. */
  private note: (() => string) | null = null;

  constructor(
    toolbar: HTMLElement,
    /** The panel goes first in it (the console pane). */
    panelParent: HTMLElement,
    private readonly host: StepHost,
  ) {
    this.view = new StepView(toolbar, panelParent, (pid) => this.pick(pid));
    const { step, find, next, free, undo, replay } = this.view;
    step.addEventListener('click', () =>
      this.begin(this.newSeed(), this.view.fine.checked, null, []),
    );
    find.addEventListener('click', () => void this.explore());
    next.addEventListener('click', () => {
      const scheduled = this.asked()?.scheduled;
      if (scheduled != null) this.pick(scheduled);
    });
    free.addEventListener('click', () => this.session?.chooser.free());
    undo.addEventListener('click', () => this.undoStep());
    replay.addEventListener(
      'click',
      () => this.offered && this.replaySchedule(this.offered.schedule),
    );
    window.addEventListener('keydown', (event) => this.key(event));
    this.render();
  }

  /** A run started (main.ts): a step-mode run is this session's. */
  follow(run: Run): void {
    if (!this.session) return;
    this.session.run = run;
    this.render();
  }

  event(event: RunEvent): void {
    const session = this.session;
    if (!session) return;
    if (event.type === 'process') session.log.process(event.info);
    if (event.type === 'end') {
      session.ended = true;
      this.render();
    }
  }

  /** A run that is not step mode started: the session, or exploration, is over. */
  leave(): void {
    this.supersede();
    this.session = null;
    this.note = null;
    this.render();
  }

  /** Stop was pressed: an exploration under way stops too. */
  stop(): void {
    this.exploring?.abort();
  }

  /** The program was edited: schedules offered were of the program before. */
  programChanged(): void {
    if (!this.offered) return;
    this.offered = null;
    showInAddressBar('schedule', null); // a reload must not offer it for the program edited
    this.render();
  }

  /**
   * Offers a link's schedule for replay (the reader presses Replay: nothing runs by itself).
   * Returns what is wrong with it, or null.
   */
  offerLinkSchedule(text: string): string | null {
    let schedule: Schedule;
    try {
      schedule = parseSchedule(text);
    } catch (error) {
      return tf('linkScheduleBad', { why: error instanceof Error ? error.message : String(error) });
    }
    const steps = schedule.turns.length;
    this.offered = { schedule: text, note: () => tf('linkSchedule', { steps }) };
    this.render();
    return null;
  }

  /** The schedule a share link should carry: the step-mode run's, else the one offered. */
  schedule(): string | null {
    const session = this.session;
    if (!session?.run) return this.offered?.schedule ?? null;
    const turns = session.chooser.schedule ?? session.run.turns;
    return formatSchedule({ seed: session.seed, fine: session.fine, turns: [...turns] });
  }

  /** Each process at a point marks its line in its colour. */
  lineMarks(): LineMark[] {
    const session = this.session;
    const ask = this.asked();
    if (!session?.run || !ask) return [];
    return this.rows(session).flatMap((row) => {
      const point = ask.ready.find((r) => r.pid === row.pid);
      // A process about to begin has run none of its own lines (the register holds the
      // module's last top-level line); line 0: compiled without line marks.
      const line = point && point.kind !== Point.Begin ? point.line : 0;
      if (line <= 0) return [];
      const colour = colourClass(row.colour);
      return [
        {
          line,
          lineClass: `step-line ${colour}`,
          glyphClass: `step-glyph ${colour}`,
          hover: () => ({ heading: `${row.name} ${row.pid}`, detail: this.whatOf(row.pid) }),
        },
      ];
    });
  }

  /** Redraws in the page's language. */
  relabel(): void {
    this.render();
  }

  private newSeed(): number {
    return crypto.getRandomValues(new Uint32Array(1))[0] >>> 1;
  }

  /** Another run takes over from an exploration under way (and Stop is its own from now). */
  private supersede(): void {
    this.exploring?.abort();
    this.exploring = null;
  }

  /** Starts a step-mode run: `prefix`'s turns at once, then the reader's (or `script`'s). */
  private begin(seed: number, fine: boolean, script: readonly number[] | null, prefix: number[]) {
    this.supersede();
    const chooser = new StepChooser(seed, script, () => this.render());
    this.session = { seed, fine, chooser, run: null, log: new ActivityLog(), ended: false };
    this.view.fine.checked = fine;
    this.host.start({
      chooser: prefix.length > 0 ? prefixChooser(prefix, chooser) : chooser,
      seed,
      fine,
    });
    this.render();
  }

  private replaySchedule(text: string): void {
    const { seed, fine, turns } = parseSchedule(text);
    this.begin(seed, fine, turns, []);
  }

  /** Goes back one step: the same run again, up to the turn before the last. */
  private undoStep(): void {
    const session = this.session;
    if (!session?.run || session.run.turns.length === 0) return;
    const { seed, fine, chooser, run } = session;
    this.begin(seed, fine, chooser.schedule, run.turns.slice(0, -1));
  }

  private pick(pid: number): void {
    if (this.session?.chooser.pick(pid)) this.host.marksChanged();
  }

  private key(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || !this.asked()) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable], .monaco-editor')) return;
    const pid = this.view.list.byKey(event.key);
    if (pid === null) return;
    event.preventDefault();
    this.pick(pid);
  }

  private async explore(): Promise<void> {
    this.leave();
    this.host.stop();
    this.offered = null;
    this.note = null;
    const exploring = (this.exploring = new AbortController());
    this.tried = 0;
    this.host.busy(true);
    this.render();
    try {
      const { failing, explored } = await explorePage({
        pool: this.host.pool,
        files: this.host.files(),
        races: this.host.races(),
        signal: exploring.signal,
        progress: (tried) => {
          this.tried = tried;
          this.render();
        },
      });
      if (!failing) {
        this.note = () => tf('exploreNoneFailed', { n: explored });
      } else {
        const note = () => tf('exploreFound', { n: explored, why: failureWords(failing.why) });
        // A program that does not compile has no schedule to replay.
        if (failing.schedule) this.offered = { schedule: failing.schedule, note };
        else this.note = note;
        this.host.showEvents(failing.events, failing.compileError?.report ?? null);
      }
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
      if (this.exploring !== exploring) return; // Step or Run took over
      const tried = this.tried;
      this.note = () => tf('exploreStopped', { n: tried });
    } finally {
      if (this.exploring === exploring) {
        this.exploring = null;
        this.host.busy(false);
        this.render();
      }
    }
  }

  /** Shows what is going on. */
  private render(): void {
    const session = this.session;
    const ask = this.asked();
    this.view.panel.hidden = !session && !this.offered && !this.exploring && !this.note;
    this.view.progress.hidden = !this.exploring;
    this.view.progress.value = this.tried;
    // Without cross-origin isolation nothing runs (main.ts says why).
    this.view.step.disabled = !crossOriginIsolated;
    this.view.find.disabled = this.exploring !== null || !crossOriginIsolated;
    this.view.list.element.hidden = !session;
    this.view.list.show(session?.run ? this.rows(session) : []);
    this.view.replay.hidden = !this.offered || session !== null || this.exploring !== null;
    this.view.next.hidden = ask?.scheduled == null;
    this.view.free.hidden = !session || session.ended || session.chooser.isFree;
    this.view.reword(this.view.free, session?.chooser.schedule ? 'stepPlayToEnd' : 'stepRunFreely');
    this.view.undo.hidden = !session;
    this.view.undo.disabled =
      !session?.run || session.run.turns.length === 0 || (!ask && !session.ended);
    const status = this.statusText();
    if (this.view.status.textContent !== status) this.view.status.textContent = status; // read out once
    this.host.marksChanged();
  }

  private statusText(): string {
    const session = this.session;
    if (this.exploring) return tf('exploring', { n: this.tried, max: PAGE_SCHEDULES });
    if (!session) return (this.offered?.note ?? this.note)?.() ?? '';
    const ask = this.asked();
    if (session.ended) return t('stepOver');
    if (ask) return tf(session.chooser.schedule ? 'stepAskReplay' : 'stepAsk', { n: ask.step + 1 });
    return t(session.chooser.isFree ? 'stepFree' : 'stepMoving');
  }

  /** The live processes: those that can take the next step, then those that wait. */
  private rows(session: Session): StepRow[] {
    const ask = this.asked();
    session.log.poll(session.run!);
    const rows: StepRow[] = [];
    for (const { info, state, on } of session.log.all()) {
      const ready = ask?.ready.some((r) => r.pid === info.pid) ?? false;
      const waiting = state === 'blocked' || state === 'sleeping';
      if (!ready && !(ask && waiting)) continue;
      const what = ready
        ? this.whatOf(info.pid)
        : state === 'sleeping'
          ? t('sleeping')
          : on
            ? tf('stepWaitsFor', { on })
            : t('blocked');
      const scheduled = ask?.scheduled === info.pid;
      rows.push({
        pid: info.pid,
        name: info.name,
        colour: this.host.colour(info.pid),
        what,
        ready,
        scheduled,
      });
    }
    return rows.sort((a, b) => a.pid - b.pid);
  }

  /** The turn the reader is asked to give, if any (none once the run is over). */
  private asked(): Ask | null {
    const session = this.session;
    return session && !session.ended ? session.chooser.ask : null;
  }

  private whatOf(pid: number): string {
    const run = this.session?.run;
    const point = this.asked()?.ready.find((r) => r.pid === pid);
    return run && point ? pointText(point.kind, point.obj, run) : '';
  }
}
