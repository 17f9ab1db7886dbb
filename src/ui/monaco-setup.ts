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
  const editor = monaco.editor.create(container, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    tabSize: 2,
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
      model.onDidChangeContent(() => {
        monaco.editor.setModelMarkers(model, 'run', []);
        if (!settingValue) hooks.onChange(name, model.getValue());
      });
      models.set(name, model);
    },
    close(name) {
      models.get(name)?.dispose();
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
