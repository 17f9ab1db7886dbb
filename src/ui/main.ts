/** The playground page: toolbar, editor, console; runs programs through the supervisor. */
import './style.css';
import { CompileError } from '../compile/compile-error';
import { startRun } from '../host/start-run';
import type { Run } from '../host/supervisor';
import { WorkerPool } from '../host/worker-pool';
import { lessonById, lessonsByGroup } from '../examples/catalog';
import { GROUPS, type Text } from '../examples/lesson';
import welcome from '../examples/programs/welcome.ts?raw';
import { ConsoleView } from './console-view';
import { Editor } from './editor';
import { savedProgram, saveProgram } from './storage';

const app = document.querySelector<HTMLElement>('#app')!;
app.innerHTML = `
  <header class="toolbar">
    <h1>Concurrency Playground</h1>
    <label class="lesson-picker">Lesson <select id="lesson"></select></label>
    <button id="run" type="button" title="Run (Ctrl+Enter)">▶ Run</button>
    <button id="stop" type="button" title="Stop (Esc)" disabled>■ Stop</button>
    <span id="status" class="status" role="status"></span>
  </header>
  <p id="isolation" class="warning" hidden></p>
  <section id="lesson-info" class="lesson-info" aria-live="polite" hidden></section>
  <main class="panes">
    <section class="editor-pane" aria-label="Editor"></section>
    <section class="console-pane" aria-label="Console"><div id="console" class="console"></div></section>
  </main>`;

const picker = app.querySelector<HTMLSelectElement>('#lesson')!;
const runButton = app.querySelector<HTMLButtonElement>('#run')!;
const stopButton = app.querySelector<HTMLButtonElement>('#stop')!;
const status = app.querySelector<HTMLElement>('#status')!;
const output = new ConsoleView(app.querySelector<HTMLElement>('#console')!);
const lessonInfo = app.querySelector<HTMLElement>('#lesson-info')!;
/** Chinese for a Chinese browser, English otherwise (a switch comes with the full UI). */
const lang: keyof Text = navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';

const pool = new WorkerPool();
let run: Run | null = null;
let runs = 0;
let lessonId = new URLSearchParams(location.search).get('lesson') ?? '';

fillPicker();
showLessonInfo();
const editor = new Editor(app.querySelector<HTMLElement>('.editor-pane')!, programFor(lessonId), {
  onRun: startProgram,
  onStop: stopProgram,
  onChange: (text) => saveProgram(lessonId, text),
});

if (crossOriginIsolated) {
  pool.warm();
} else {
  const warning = app.querySelector<HTMLElement>('#isolation')!;
  warning.hidden = false;
  warning.textContent =
    'This page is not cross-origin isolated, so it cannot share memory between Workers and ' +
    'programs cannot run. Serve it with COOP: same-origin and COEP: require-corp.';
  runButton.disabled = true;
}

runButton.addEventListener('click', startProgram);
stopButton.addEventListener('click', stopProgram);
picker.addEventListener('change', () => {
  lessonId = picker.value;
  const url = new URL(location.href);
  if (lessonId) url.searchParams.set('lesson', lessonId);
  else url.searchParams.delete('lesson');
  history.replaceState(null, '', url);
  editor.value = programFor(lessonId);
  output.clear();
  showLessonInfo();
});

// Monaco arrives after the page is interactive; until then the textarea editor works.
const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1));
idle(() => void editor.upgrade());

function startProgram(): void {
  if (!crossOriginIsolated) return;
  run?.stop();
  output.clear();
  editor.clearErrors();
  const generation = ++runs;
  try {
    run = startRun(editor.value, {
      pool,
      onEvent(event) {
        if (generation !== runs) return; // a stopped run's last words
        output.show(event);
        if (event.type === 'end') setRunning(false);
      },
    });
    setRunning(true);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    output.system(error.format(), 'error');
    editor.showError(error.line, error.column, `${error.name}: ${error.message}`);
  }
}

function stopProgram(): void {
  run?.stop();
}

function setRunning(running: boolean): void {
  stopButton.disabled = !running;
  status.textContent = running ? 'running…' : '';
  document.body.dataset.running = String(running);
}

function programFor(id: string): string {
  return savedProgram(id) ?? lessonById(id)?.source ?? welcome;
}

/** The lesson's title, what to watch for, and where the browser differs: text only. */
function showLessonInfo(): void {
  const lesson = lessonById(lessonId);
  lessonInfo.hidden = !lesson;
  lessonInfo.replaceChildren();
  if (!lesson) return;
  const title = document.createElement('h2');
  title.textContent = `${lesson.id} · ${lesson.title[lang]}`;
  const explain = document.createElement('p');
  explain.textContent = lesson.explain[lang];
  lessonInfo.append(title, explain);
  if (lesson.browserNote) {
    const note = document.createElement('p');
    note.className = 'browser-note';
    const label = document.createElement('strong');
    label.textContent = lang === 'zh' ? '浏览器与 CPython 的不同:' : 'Where the browser differs: ';
    note.append(label, lesson.browserNote[lang]);
    lessonInfo.append(note);
  }
}

function fillPicker(): void {
  const scratch = new Option('Welcome', '');
  picker.append(scratch);
  for (const [group, lessons] of lessonsByGroup()) {
    const optgroup = document.createElement('optgroup');
    optgroup.label = GROUPS[group][lang];
    for (const lesson of lessons) {
      optgroup.append(new Option(`${lesson.id} · ${lesson.title[lang]}`, lesson.id));
    }
    picker.append(optgroup);
  }
  picker.value = lessonById(lessonId) ? lessonId : '';
}
