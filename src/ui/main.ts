/** The playground page: toolbar, editor, console, process table and timeline. */
import './style.css';
import { CompileError } from '../compile/compile-error';
import { warmProgramCompiler } from '../compile/program-compiler';
import type { RunEvent } from '../host/run-events';
import { startRun } from '../host/start-run';
import type { Run, RunOptions } from '../host/supervisor';
import { WorkerPool } from '../host/worker-pool';
import { lessonById, lessonsByGroup } from '../examples/catalog';
import { lessonFiles } from '../examples/lesson';
import { MAIN_FILE, type ProgramFile } from '../compile/program-files';
import { GROUPS } from '../examples/lesson';
import welcome from '../examples/programs/welcome.ts?raw';
import { ConsoleView } from './console-view';
import { DisplayPane } from './display-pane';
import { Editor } from './editor';
import { applyLang, lang, setLang, t, type Lang } from './i18n';
import { RunInspector } from './run-inspector';
import { raceLines, type RaceEvent } from './race-marks';
import { raceLineMark } from './race-words';
import { splitter } from './splitter';
import { keyboardShortcuts } from './shortcuts';
import { forgetFiles, savedFiles, saveFiles } from './storage';
import { KernelCheck } from './kernel-check';
import { tabs } from './tabs';
import { Toggle } from './toggle';
import { StepMode } from './step-mode';
import { onTheme, setTheme, themeChoice, type ThemeChoice } from './theme';
import { isolateThroughServiceWorker } from '../share/coi';
import { readLinkOptions } from '../share/links';
import { setUpEmbed } from './embed';
import {
  forgetSharedProgram,
  mountShareButtons,
  openSharedProgram,
  showInAddressBar,
  showLinkProblem,
  type Shareable,
} from './share';

const app = document.querySelector<HTMLElement>('#app')!;
app.innerHTML = `
  <header class="toolbar">
    <h1>Concurrency Playground</h1>
    <label class="lesson-picker"><span data-i18n="lesson"></span> <select id="lesson"></select></label>
    <button id="run" type="button" data-i18n-title="runTitle" aria-keyshortcuts="Control+Enter Meta+Enter"><span aria-hidden="true">▶</span> <span data-i18n="run"></span></button>
    <button id="stop" type="button" data-i18n-title="stopTitle" aria-keyshortcuts="Escape" disabled><span aria-hidden="true">■</span> <span data-i18n="stop"></span></button>
    <button id="reset" type="button" data-i18n="reset" data-i18n-title="resetTitle"></button>
    <button id="races" type="button" aria-pressed="false" data-i18n-title="detectRacesTitle"><span class="toggle-box" aria-hidden="true"></span><span data-i18n="detectRaces"></span></button>
    <span id="status" class="status" role="status"></span>
    <span class="settings">
      <label><span data-i18n="language"></span>
        <select id="lang" data-i18n-label="language"><option value="zh">中文</option><option value="en">English</option></select></label>
      <label><span data-i18n="theme"></span>
        <select id="theme" data-i18n-label="theme">
          <option value="system" data-i18n="themeSystem"></option>
          <option value="light" data-i18n="themeLight"></option>
          <option value="dark" data-i18n="themeDark"></option>
        </select></label>
    </span>
  </header>
  <p id="isolation" class="warning" data-i18n="notIsolated" hidden></p>
  <section id="lesson-info" class="lesson-info" aria-live="polite" hidden></section>
  <main class="panes">
    <section class="editor-pane" data-i18n-label="editor" data-panel="editor"></section>
    <div class="splitter" data-i18n-label="resize"></div>
    <section class="side-pane">
      <div class="console-pane" id="console-pane" data-panel="console"></div>
      <div class="inspector" data-panel="timeline">
        <div role="tablist" class="tabs">
          <button type="button" role="tab" id="tab-processes" aria-controls="processes" data-i18n="processes"></button>
          <button type="button" role="tab" id="tab-timeline" aria-controls="timeline" data-i18n="timeline"></button>
        </div>
        <div role="tabpanel" id="processes" aria-labelledby="tab-processes" class="tab-panel" tabindex="0"></div>
        <div role="tabpanel" id="timeline" aria-labelledby="tab-timeline" class="tab-panel" tabindex="0"></div>
      </div>
    </section>
  </main>
  <section id="display" class="display-pane" aria-label="Display" hidden></section>`;

const $ = <T extends HTMLElement>(selector: string) => app.querySelector<T>(selector)!;
/** What the URL asks for: a shared program, a lesson, embed mode (src/share/links.ts). */
const link = readLinkOptions(location.href);
const opened = await openSharedProgram(link);
// A link's language and theme hold for this page only; the reader's own choice is kept.
if (link.lang) setLang(link.lang, app, false);
if (link.theme) setTheme(link.theme, false);
const toolbar = $('.toolbar');
const picker = $<HTMLSelectElement>('#lesson');
const runButton = $<HTMLButtonElement>('#run');
const stopButton = $<HTMLButtonElement>('#stop');
const status = $('#status');
const lessonInfo = $('#lesson-info');
const output = new ConsoleView($('#console-pane'));
const display = new DisplayPane($('#display'));
const inspector = new RunInspector($('#processes'), $('#timeline'));
splitter($('.splitter'), $('.panes'));
tabs($('[role=tablist]'));

const pool = new WorkerPool();
let run: Run | null = null;
let runs = 0;
/** The program being compiled, until it starts (aborting it keeps it from starting). */
let starting: AbortController | undefined;
let lessonId = link.lesson ?? '';
/** The current run's data races, which its editor marks show. */
let races: RaceEvent[] = [];
/**
 * Detect races: as the link says, else as the lesson opens (on for the racy lessons). Picking a
 * lesson sets it to that lesson's own choice; the reader's flip holds until then.
 */
const detectRaces = new Toggle($('#races'), link.races ?? lessonDetectsRaces(), () => {
  // An embed's "Open in playground" link carries the choice; the full page's address bar too.
  if (embed) embed.programChanged();
  else showRacesInAddressBar();
});

applyLang(app);
fillPicker();
showLessonInfo();
const editor = new Editor($('.editor-pane'), opened.files ?? filesFor(lessonId), {
  onChange(files) {
    kernels.changed(files);
    steps?.programChanged();
    if (embed) return embed.programChanged(); // an embed keeps no copy of its reader's edits
    forgetSharedProgram();
    saveFiles(lessonId, files);
  },
});
const kernels = new KernelCheck(editor);
kernels.changed(editor.files);
onTheme((dark) => editor.setTheme(dark));

if (crossOriginIsolated) {
  // Runs start at once when the Workers are ready (tests wait for the mark).
  void pool.warmed().then(() => (document.body.dataset.workers = 'ready'));
} else {
  $('#isolation').hidden = false;
  runButton.disabled = true;
}

// Share links and embed mode: a shared program is shown, never run by itself.
if (opened.problem) showLinkProblem(toolbar, opened.problem);
const current = (): Shareable => ({
  files: editor.files,
  lesson: lessonId,
  lang: lang(),
  races: linkRaces(),
  schedule: steps?.schedule() ?? null,
});
const embed = link.embed
  ? setUpEmbed(link, { app, toolbar, editor, run: startProgram, current })
  : null;
if (!embed) mountShareButtons(toolbar, current);
// Step mode, exploring and replaying schedules (#17): the full playground's, not embeds'.
const steps: StepMode | null = embed
  ? null
  : new StepMode(toolbar, $('#console-pane'), {
      pool,
      files: () => editor.files,
      races: () => detectRaces.on,
      start: startProgram,
      stop: stopProgram,
      showEvents: showFinishedRun,
      colour: (pid) => output.colour(pid),
      marksChanged: showLineMarks,
      busy: setRunning,
    });
const scheduleProblem = link.schedule && steps?.offerLinkSchedule(link.schedule);
if (scheduleProblem) showLinkProblem(toolbar, scheduleProblem);
void isolateThroughServiceWorker();

runButton.addEventListener('click', () => startProgram());
keyboardShortcuts(window, { run: () => startProgram(), stop: stopProgram });
stopButton.addEventListener('click', stopProgram);
$('#reset').addEventListener('click', () => {
  forgetSharedProgram();
  forgetFiles(lessonId);
  showFiles(filesFor(lessonId));
});
picker.addEventListener('change', () => {
  forgetSharedProgram();
  lessonId = picker.value;
  detectRaces.on = lessonDetectsRaces();
  showInAddressBar('lesson', lessonId || null);
  showRacesInAddressBar();
  showFiles(filesFor(lessonId));
  output.clear();
  display.clear();
  showLessonInfo();
});

const langSelect = $<HTMLSelectElement>('#lang');
langSelect.value = lang();
langSelect.addEventListener('change', () => {
  setLang(langSelect.value as Lang, document, true);
  editor.relabel();
  fillPicker();
  showLessonInfo();
  inspector.refresh();
  steps?.relabel();
});
const themeSelect = $<HTMLSelectElement>('#theme');
themeSelect.value = themeChoice();
themeSelect.addEventListener('change', () => setTheme(themeSelect.value as ThemeChoice, true));

// Run works from here on (the bench measures navigation to this mark).
performance.mark('playground-ready');

// Monaco arrives after the page is interactive; until then the textarea editor works.
// With a deadline: on a busy machine (or in an embed whose page keeps its thread busy) an idle
// moment may not come for a minute, and the editor would stay a plain text area that long.
// Safari has no requestIdleCallback.
const idle = (fn: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 1);
idle(() => void editor.upgrade());
// The compiler's Worker loads while the page idles, so the first Run does not wait for it.
idle(warmProgramCompiler);

/** Runs the editor's program: freely, or under `schedule` (step mode, step-mode.ts). */
function startProgram(schedule?: RunOptions['schedule']): void {
  if (!crossOriginIsolated) return;
  if (!schedule) steps?.leave();
  starting?.abort();
  run?.stop();
  output.clear();
  display.clear();
  inspector.reset();
  editor.clearErrors();
  races = [];
  editor.markLines([]);
  const generation = ++runs;
  const start = (starting = new AbortController());
  setRunning(true); // Stop works from here, while the program compiles
  void startRun(editor.files, {
    pool,
    signal: start.signal,
    races: detectRaces.on,
    schedule,
    onEvent(event) {
      if (generation !== runs) return; // a stopped run's last words
      output.show(event);
      inspector.event(event);
      steps?.event(event);
      if (event.type === 'race') {
        races.push(event);
        showLineMarks();
      }
      display.show(event, run?.heap.memory); // display events come after startRun resolved
      if (event.type === 'end') setRunning(false);
    },
  }).then(
    (started) => {
      if (!started) return; // Run pressed again, or Stop, while it compiled
      starting = undefined;
      run = started;
      inspector.follow(run);
      steps?.follow(run);
    },
    (error: unknown) => {
      if (start.signal.aborted) return;
      starting = undefined;
      setRunning(false);
      if (!(error instanceof CompileError)) throw error;
      output.system(error.format(), 'error');
      editor.showError(error.fileName, error.line, error.column, `${error.name}: ${error.message}`);
    },
  );
}

function stopProgram(): void {
  if (starting) setRunning(false); // no run yet: the one it replaced was stopped at Run
  starting?.abort();
  starting = undefined;
  run?.stop();
  steps?.stop();
}

/** The editor's line marks: the run's data races, and in step mode each process's next line. */
function showLineMarks(): void {
  editor.markLines([...raceLines(races).map(raceLineMark), ...(steps?.lineMarks() ?? [])]);
}

/** A run that is over (an explored schedule that failed): its output, then `note`. */
function showFinishedRun(events: RunEvent[], note: string | null): void {
  run = null;
  output.clear();
  display.clear();
  inspector.reset();
  for (const event of events) output.show(event);
  if (note) output.system(note, 'error');
}

function setRunning(running: boolean): void {
  stopButton.disabled = !running;
  status.textContent = running ? t('running') : '';
  document.body.dataset.running = String(running);
}

function lessonDetectsRaces(): boolean {
  return lessonById(lessonId)?.detectRaces ?? false;
}

/**
 * What links say of race detection (LinkOptions.races): on when on, off when off in a lesson
 * that opens with it on, nothing (null) when off as the lesson opens.
 */
function linkRaces(): boolean | null {
  return detectRaces.on || lessonDetectsRaces() ? detectRaces.on : null;
}

/** The address bar says it as links do, so that a reload keeps it. */
function showRacesInAddressBar(): void {
  const races = linkRaces();
  showInAddressBar('races', races === null ? null : races ? '1' : '0');
}

/** A lesson's files as the reader left them (saved edits), else its own. */
function filesFor(id: string): ProgramFile[] {
  const lesson = lessonById(id);
  const own = () => (lesson ? lessonFiles(lesson) : [{ name: MAIN_FILE, text: welcome }]);
  return (link.embed ? null : savedFiles(id, own)) ?? own();
}

/** Shows other files in the editor (a lesson picked, Reset), and checks their kernels. */
function showFiles(files: ProgramFile[]): void {
  editor.files = files;
  kernels.changed(files);
}

/** The lesson's title, what to watch for, and where the browser differs: text only. */
function showLessonInfo(): void {
  const lesson = lessonById(lessonId);
  lessonInfo.hidden = !lesson;
  lessonInfo.replaceChildren();
  if (!lesson) return;
  const title = document.createElement('h2');
  title.textContent = `${lesson.id} · ${lesson.title[lang()]}`;
  const explain = document.createElement('p');
  explain.textContent = lesson.explain[lang()];
  lessonInfo.append(title, explain);
  if (lesson.browserNote) {
    const note = document.createElement('p');
    note.className = 'browser-note';
    const label = document.createElement('strong');
    label.textContent = t('browserDiffers');
    note.append(label, lesson.browserNote[lang()]);
    lessonInfo.append(note);
  }
}

function fillPicker(): void {
  picker.replaceChildren(new Option(t('welcome'), ''));
  for (const [group, lessons] of lessonsByGroup()) {
    const optgroup = document.createElement('optgroup');
    optgroup.label = GROUPS[group][lang()];
    for (const lesson of lessons) {
      optgroup.append(new Option(`${lesson.id} · ${lesson.title[lang()]}`, lesson.id));
    }
    picker.append(optgroup);
  }
  picker.value = lessonById(lessonId) ? lessonId : '';
}
