/**
 * Monaco, TypeScript mode: loaded lazily (the page is usable before it arrives). Everything
 * that touches Monaco's API lives here, so the rest of the UI never reaches into it.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker.js?worker';
import programTypes from 'virtual:program-types';

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

export interface MonacoHandle {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  /** Marks a compile error in the text (cleared on the next edit or run). */
  showError(line: number, column: number, message: string): void;
  clearErrors(): void;
  setTheme(dark: boolean): void;
  setReadOnly(readOnly: boolean): void;
  /** The editor's name for screen readers. */
  setLabel(label: string): void;
}

export function createMonaco(
  container: HTMLElement,
  text: string,
  hooks: { onChange(text: string): void },
): MonacoHandle {
  const model = monaco.editor.createModel(text, 'typescript', monaco.Uri.parse('file:///main.ts'));
  const editor = monaco.editor.create(container, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    scrollBeyondLastLine: false,
    tabSize: 2,
  });
  // Ctrl+Enter and Esc are the page's (shortcuts.ts): an Esc that a widget of Monaco's
  // closes never reaches the page.
  letTabLeaveAfterEscape(editor);
  // The page's own setValue (a lesson picked, Reset) is not the reader's edit: as with the
  // plain textarea, only typing reports a change (which saves the program as edited).
  let settingValue = false;
  model.onDidChangeContent(() => {
    monaco.editor.setModelMarkers(model, 'run', []);
    if (!settingValue) hooks.onChange(model.getValue());
  });
  return {
    getValue: () => model.getValue(),
    setValue(value) {
      settingValue = true;
      try {
        model.setValue(value);
      } finally {
        settingValue = false;
      }
    },
    focus: () => editor.focus(),
    showError(line, column, message) {
      monaco.editor.setModelMarkers(model, 'run', [
        {
          severity: monaco.MarkerSeverity.Error,
          message,
          startLineNumber: line,
          startColumn: column,
          endLineNumber: line,
          endColumn: column + 1,
        },
      ]);
      editor.revealLineInCenterIfOutsideViewport(line);
    },
    clearErrors: () => monaco.editor.setModelMarkers(model, 'run', []),
    setTheme: (dark) => monaco.editor.setTheme(dark ? 'vs-dark' : 'vs'),
    setReadOnly: (readOnly) => editor.updateOptions({ readOnly }),
    setLabel: (ariaLabel) => editor.updateOptions({ ariaLabel }),
  };
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
