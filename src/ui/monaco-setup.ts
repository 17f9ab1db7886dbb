/**
 * Monaco, with a model per file of the program: TypeScript for main.ts, AssemblyScript for
 * kernel files. Loaded lazily (the page is usable before it arrives). Everything that touches
 * Monaco's API lives here, so the rest of the UI never reaches into it.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker.js?worker';
import programTypes from 'virtual:program-types';
import assemblyScriptTypes from 'assemblyscript/std/assembly/index.d.ts?raw';
import { MAIN_FILE } from '../compile/program-files';

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker: (_id, label) =>
    label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker(),
};

// The playground modules' declarations, generated from the runtime's sources, at the paths
// the compiler options map each module name to.
const baseUrl = String(programTypes.compilerOptions.baseUrl);
for (const [file, text] of Object.entries(programTypes.files)) {
  monaco.typescript.typescriptDefaults.addExtraLib(text, `${baseUrl}/${file}`);
}
monaco.typescript.typescriptDefaults.setCompilerOptions(
  programTypes.compilerOptions as monaco.typescript.CompilerOptions,
);

/** A message at a place in one file (1-based), as the editor marks it. */
export interface Marker {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/**
 * A line to mark (a run's data races): its look, as CSS classes of the line and of its glyph
 * in the margin, and what hovering the line, its number or its glyph says.
 */
export interface LineMark {
  line: number;
  lineClass: string;
  glyphClass: string;
  /** Its tick's colour in the overview ruler beside the scrollbar (none without one). */
  ruler?: string;
  /** Asked again when the page's language changes: a plain heading, and a detail shown as is. */
  hover(): { heading: string; detail: string };
}

export interface MonacoHandle {
  /** Opens (or updates) a file's model; a kernel file gets AssemblyScript's language service. */
  open(name: string, text: string): void;
  close(name: string): void;
  /** Shows a file in the editor. */
  show(name: string): void;
  getValue(name: string): string;
  focus(): void;
  /** Marks a file with markers of one source ('run': a Run's error; 'kernel': asc's). */
  mark(name: string, source: 'run' | 'kernel', markers: Marker[]): void;
  /** Marks lines of a file, replacing its earlier line marks; each goes when its line is edited. */
  markLines(name: string, marks: LineMark[]): void;
  /** Words the line marks' hovers again (the page's language changed). */
  rewordLineMarks(): void;
  /** What the program sees of a kernel file: its generated typings (null: the file is gone). */
  setKernelTypings(name: string, typings: string | null): void;
  setTheme(dark: boolean): void;
  setReadOnly(readOnly: boolean): void;
  /** The editor's name for screen readers. */
  setLabel(label: string): void;
}

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

export function createMonaco(
  container: HTMLElement,
  hooks: { onChange(name: string, text: string): void },
): MonacoHandle {
  const models = new Map<string, monaco.editor.ITextModel>();
  const typings = new Map<string, monaco.IDisposable>();
  const lineMarks = new LineMarks();
  const editor = monaco.editor.create(container, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    tabSize: 2,
    // The gutter where a run's data races mark their lines (off by default in Monaco); always
    // there, so that a run's marks do not shift the text.
    glyphMargin: true,
  });
  // Ctrl+Enter and Esc are the page's (shortcuts.ts): an Esc that a widget of Monaco's
  // closes never reaches the page.
  letTabLeaveAfterEscape(editor);
  // The page's own edits (a lesson picked, Reset) are not the reader's: as with the plain
  // textarea, only typing reports a change (which saves the program as edited).
  let settingValue = false;
  return {
    open(name, text) {
      const found = models.get(name);
      if (found) {
        if (found.getValue() === text) return;
        settingValue = true;
        try {
          found.setValue(text);
        } finally {
          settingValue = false;
        }
        return;
      }
      const kernel = name !== MAIN_FILE;
      const model = monaco.editor.createModel(
        text,
        kernel ? kernelLanguage() : 'typescript',
        monaco.Uri.parse(`file:///${kernel ? 'kernels/' : ''}${name}`),
      );
      model.onDidChangeContent((event) => {
        monaco.editor.setModelMarkers(model, 'run', []);
        lineMarks.edited(model, event.changes);
        if (!settingValue) hooks.onChange(name, model.getValue());
      });
      models.set(name, model);
    },
    close(name) {
      const model = models.get(name);
      if (model) lineMarks.set(model, []);
      model?.dispose();
      models.delete(name);
    },
    show(name) {
      const model = models.get(name);
      if (model && editor.getModel() !== model) editor.setModel(model);
    },
    getValue: (name) => models.get(name)?.getValue() ?? '',
    focus: () => editor.focus(),
    mark(name, source, markers) {
      const model = models.get(name);
      if (!model) return;
      monaco.editor.setModelMarkers(
        model,
        source,
        markers.map((m) => ({
          severity: SEVERITY[m.severity],
          message: m.message,
          startLineNumber: m.line,
          startColumn: m.column,
          endLineNumber: m.endLine,
          endColumn: Math.max(m.endColumn, m.column + 1),
        })),
      );
      const first = markers.find((m) => m.severity === 'error');
      if (source === 'run' && first && editor.getModel() === model)
        editor.revealLineInCenterIfOutsideViewport(first.line);
    },
    markLines(name, marks) {
      const model = models.get(name);
      if (model) lineMarks.set(model, marks);
    },
    rewordLineMarks: () => lineMarks.reword(),
    setKernelTypings(name, text) {
      typings.get(name)?.dispose();
      typings.delete(name);
      // Beside main.ts, where TypeScript looks for `./name.as`: name.as.d.ts.
      if (text !== null)
        typings.set(
          name,
          monaco.typescript.typescriptDefaults.addExtraLib(
            text,
            `file:///${name.replace(/\.ts$/, '.d.ts')}`,
          ),
        );
    },
    setTheme: (dark) => monaco.editor.setTheme(dark ? 'vs-dark' : 'vs'),
    setReadOnly: (readOnly) => editor.updateOptions({ readOnly }),
    setLabel: (ariaLabel) => editor.updateOptions({ ariaLabel }),
  };
}

/**
 * The line marks of each model by decoration id (Monaco moves a decoration with the lines above
 * it), kept so that an edit of a marked line, and a switch of language, reach its mark.
 */
class LineMarks {
  private readonly byModel = new Map<monaco.editor.ITextModel, Map<string, LineMark>>();

  set(model: monaco.editor.ITextModel, all: LineMark[]): void {
    // A line the file does not have (edited since the run) would be drawn on its last line.
    const marks = all.filter((mark) => mark.line <= model.getLineCount());
    const old = [...(this.byModel.get(model)?.keys() ?? [])];
    const ids = model.deltaDecorations(
      old,
      marks.map((mark) => lineDecoration(mark, mark.line)),
    );
    if (ids.length === 0) this.byModel.delete(model);
    else this.byModel.set(model, new Map(ids.map((id, i) => [id, marks[i]])));
  }

  /** Drops the marks on lines an edit touched (a mark moves with the lines above it). */
  edited(model: monaco.editor.ITextModel, changes: monaco.editor.IModelContentChange[]): void {
    const marks = this.byModel.get(model);
    if (!marks) return;
    const gone = [...marks.keys()].filter((id) => {
      const line = model.getDecorationRange(id)?.startLineNumber;
      return line === undefined || changes.some((change) => touches(change, line));
    });
    model.deltaDecorations(gone, []);
    for (const id of gone) marks.delete(id);
  }

  reword(): void {
    for (const [model, marks] of this.byModel) {
      const ids = [...marks.keys()];
      const lines = ids.map((id) => model.getDecorationRange(id)?.startLineNumber ?? 1);
      const next = model.deltaDecorations(
        ids,
        ids.map((id, i) => lineDecoration(marks.get(id)!, lines[i])),
      );
      this.byModel.set(model, new Map(next.map((id, i) => [id, marks.get(ids[i])!])));
    }
  }
}

/** Whether `line`, as it is after `change`, holds text the change wrote. */
function touches(change: monaco.editor.IModelContentChange, line: number): boolean {
  const first = change.range.startLineNumber;
  return first <= line && line <= first + change.text.split('\n').length - 1;
}

function lineDecoration(mark: LineMark, line: number): monaco.editor.IModelDeltaDecoration {
  const { heading, detail } = mark.hover();
  const hover = [{ value: escapeMarkdown(heading) }, { value: codeBlock(detail) }];
  return {
    range: new monaco.Range(line, 1, line, 1),
    options: {
      isWholeLine: true,
      className: mark.lineClass,
      glyphMarginClassName: mark.glyphClass,
      glyphMarginHoverMessage: hover,
      lineNumberHoverMessage: hover,
      hoverMessage: hover,
      overviewRuler: mark.ruler
        ? { color: mark.ruler, position: monaco.editor.OverviewRulerLane.Left }
        : null,
      stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
    },
  };
}

/** Markdown that shows `text` as written (hovers are Markdown). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** `text` as a fenced code block: kept verbatim, its lines and spaces too. */
function codeBlock(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

let kernelLanguageReady = false;

/**
 * The language of kernel files. Monaco's JavaScript service is a second TypeScript service
 * with its own settings: kernel files use it (their `.ts` names make it read them as
 * TypeScript), with AssemblyScript's definitions (`load`, `store`, `atomic`, `v128`, `i32`...)
 * and no standard library, so neither the program's modules leak into a kernel's completions
 * nor AssemblyScript's globals into the program's. asc checks the kernels (markers 'kernel');
 * this service's own checks, which do not know AssemblyScript, are off.
 */
function kernelLanguage(): string {
  if (!kernelLanguageReady) {
    kernelLanguageReady = true;
    const js = monaco.typescript.javascriptDefaults;
    js.setCompilerOptions({
      noLib: true,
      allowNonTsExtensions: true,
      experimentalDecorators: true,
      target: monaco.typescript.ScriptTarget.ESNext,
    });
    js.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true });
    js.addExtraLib(assemblyScriptTypes, 'file:///assemblyscript/std/index.d.ts');
  }
  return 'javascript';
}

/**
 * Tab indents, so a keyboard user needs a way out of the editor: Esc, then Tab (or Shift+Tab)
 * moves the focus on, as in CodeMirror. Any other key, or leaving the editor, makes Tab
 * indent again.
 */
function letTabLeaveAfterEscape(editor: monaco.editor.IStandaloneCodeEditor): void {
  let leaves = false;
  const set = (next: boolean) => {
    if (next === leaves) return;
    leaves = next;
    editor.updateOptions({ tabFocusMode: next });
  };
  const { Escape, Tab, Shift } = monaco.KeyCode;
  editor.onKeyDown((event) => {
    if (event.keyCode === Escape) set(true);
    else if (event.keyCode !== Tab && event.keyCode !== Shift) set(false);
  });
  editor.onDidBlurEditorText(() => set(false));
}
