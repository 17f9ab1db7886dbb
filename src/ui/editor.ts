import { MAIN_FILE, type ProgramFile } from '../compile/program-files';
import { FileTabs } from './file-tabs';
import { t } from './i18n';
import type { LineMark, Marker, MonacoHandle } from './monaco-setup';

export interface EditorHooks {
  /** The reader changed the files (typed, added, renamed or deleted one). */
  onChange(files: ProgramFile[]): void;
}

/** What a new kernel file holds: a kernel that works, to start from. */
const NEW_KERNEL = `// AssemblyScript, compiled to WebAssembly in the page. Import it in main.ts:
//   import { sum } from './NAME';
// A usize parameter takes a SharedArray, RawArray or Value: the address of its first element.
export function sum(data: usize, n: i32): f64 {
  let total: f64 = 0;
  for (let i = 0; i < n; i++) total += load<f64>(data + (<usize>i << 3));
  return total;
}
`;

/**
 * The program editor: a tab per file (main.ts, then kernel files). It starts as a plain
 * textarea, so a lesson can be read, edited and run at once, and becomes Monaco when Monaco
 * has loaded (after the page is interactive), keeping whatever was typed meanwhile.
 */
export class Editor {
  private monaco: MonacoHandle | null = null;
  private readonly textarea: HTMLTextAreaElement;
  private readonly tabs: FileTabs;
  private texts = new Map<string, string>();
  private active = MAIN_FILE;
  private readOnly = false;
  private dark: boolean | null = null;
  /** Markers per file and source, kept so a file opened later still shows them. */
  private readonly markers = new Map<string, Marker[]>();
  /** main.ts's line marks until Monaco shows them (then Monaco keeps them, and moves them). */
  private waitingLineMarks: LineMark[] = [];

  constructor(
    private readonly container: HTMLElement,
    files: ProgramFile[],
    private readonly hooks: EditorHooks,
  ) {
    this.tabs = new FileTabs({
      select: (name) => this.select(name),
      add: () => this.addKernel(),
      rename: (from, to) => this.rename(from, to),
      remove: (name) => this.remove(name),
    });
    this.textarea = document.createElement('textarea');
    this.textarea.className = 'plain-editor';
    this.textarea.spellcheck = false;
    this.textarea.addEventListener('input', () => this.edited(this.active, this.textarea.value));
    container.append(this.tabs.element, this.textarea);
    this.files = files;
    this.relabel();
  }

  /** Names the editor for screen readers in the page's language (again after a switch). */
  relabel(): void {
    const label =
      this.active === MAIN_FILE ? t('programEditor') : `${t('programEditor')}: ${this.active}`;
    this.textarea.setAttribute('aria-label', label);
    this.monaco?.setLabel(label);
    this.monaco?.rewordLineMarks();
    this.tabs.relabel();
  }

  /** Swaps in Monaco; resolves when it is showing. */
  async upgrade(): Promise<void> {
    const { createMonaco } = await import('./monaco-setup');
    const host = document.createElement('div');
    host.className = 'monaco-host';
    this.container.append(host);
    this.monaco = createMonaco(host, { onChange: (name, text) => this.edited(name, text) });
    for (const [name, text] of this.texts) this.monaco.open(name, text);
    for (const [key, markers] of this.markers) {
      const [source, name] = key.split(':') as ['run' | 'kernel', string];
      this.monaco.mark(name, source, markers);
    }
    this.monaco.markLines(MAIN_FILE, this.waitingLineMarks);
    this.waitingLineMarks = [];
    this.monaco.show(this.active);
    this.monaco.setReadOnly(this.readOnly);
    this.relabel();
    if (this.dark !== null) this.monaco.setTheme(this.dark);
    this.textarea.remove();
    this.container.dataset.editor = 'monaco';
  }

  /** The program's files, main.ts first. */
  get files(): ProgramFile[] {
    return [...this.texts].map(([name, text]) => ({ name, text }));
  }

  /** Shows other files (a lesson picked, a link opened, Reset): not the reader's edit. */
  set files(files: ProgramFile[]) {
    for (const name of this.texts.keys())
      if (!files.some((f) => f.name === name)) this.monaco?.close(name);
    this.texts = new Map(files.map((f) => [f.name, f.text]));
    this.markers.clear();
    this.markLines([]);
    for (const f of files) this.monaco?.open(f.name, f.text);
    this.select(this.texts.has(this.active) ? this.active : MAIN_FILE);
  }

  /** The program itself (main.ts). */
  get value(): string {
    return this.texts.get(MAIN_FILE) ?? '';
  }

  /** Shows the error at a file's line and column, in that file's tab. */
  showError(file: string, line: number, column: number, message: string): void {
    if (!this.texts.has(file)) return;
    this.select(file);
    const marker: Marker = {
      line,
      column,
      endLine: line,
      endColumn: column + 1,
      message,
      severity: 'error',
    };
    this.setMarkers(file, 'run', [marker]);
    if (this.monaco) return;
    const offset =
      this.textarea.value
        .split('\n')
        .slice(0, line - 1)
        .join('\n').length + column;
    this.textarea.focus();
    this.textarea.setSelectionRange(offset, offset + 1);
  }

  /** Markers of one source in a file (replacing that source's earlier ones). */
  setMarkers(file: string, source: 'run' | 'kernel', markers: Marker[]): void {
    this.markers.set(`${source}:${file}`, markers);
    this.monaco?.mark(file, source, markers);
  }

  /**
   * Marks lines of main.ts (a run's data races), replacing the marks before; a mark goes when
   * its line is edited. Monaco shows them; the plain text area, which cannot, drops them at
   * the first edit.
   */
  markLines(marks: LineMark[]): void {
    if (this.monaco) this.monaco.markLines(MAIN_FILE, marks);
    else this.waitingLineMarks = marks;
  }

  clearErrors(): void {
    for (const name of this.texts.keys()) this.setMarkers(name, 'run', []);
  }

  /** What main.ts sees of a kernel file (null: none). */
  setKernelTypings(file: string, typings: string | null): void {
    this.monaco?.setKernelTypings(file, typings);
  }

  /** A read-only editor still runs its program (an embed's `readonly`). */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
    this.textarea.readOnly = readOnly;
    this.monaco?.setReadOnly(readOnly);
    this.renderTabs();
  }

  setTheme(dark: boolean): void {
    this.dark = dark;
    this.monaco?.setTheme(dark);
  }

  private select(name: string): void {
    if (!this.texts.has(name)) return;
    this.active = name;
    this.textarea.value = this.texts.get(name)!;
    this.monaco?.show(name);
    this.renderTabs();
    this.relabel();
  }

  private renderTabs(): void {
    this.tabs.show([...this.texts.keys()], this.active, this.readOnly);
    // A program of main.ts alone shows its tab only when files can be added.
    this.tabs.element.hidden = this.readOnly && this.texts.size === 1;
  }

  private edited(name: string, text: string): void {
    if (!this.texts.has(name)) return;
    if (name === MAIN_FILE) this.waitingLineMarks = [];
    this.texts.set(name, text);
    this.hooks.onChange(this.files);
  }

  private addKernel(): void {
    let name = 'kernel.as.ts';
    for (let n = 2; this.texts.has(name); n++) name = `kernel${n}.as.ts`;
    const text = NEW_KERNEL.replace('NAME', name.replace(/\.ts$/, ''));
    this.texts.set(name, text);
    this.monaco?.open(name, text);
    this.select(name);
    this.hooks.onChange(this.files);
  }

  private rename(from: string, to: string): void {
    const files = this.files.map((f) => (f.name === from ? { name: to, text: f.text } : f));
    this.forget(from);
    this.texts = new Map(files.map((f) => [f.name, f.text]));
    this.monaco?.open(to, this.texts.get(to)!);
    this.select(to);
    this.hooks.onChange(this.files);
  }

  private remove(name: string): void {
    this.texts.delete(name);
    this.forget(name);
    this.select(this.active === name ? MAIN_FILE : this.active);
    this.hooks.onChange(this.files);
  }

  /** Drops a file's model and markers (it was deleted, or lives on under a new name). */
  private forget(name: string): void {
    this.monaco?.close(name);
    this.markers.delete(`run:${name}`);
    this.markers.delete(`kernel:${name}`);
  }
}
