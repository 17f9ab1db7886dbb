/**
 * What the playground remembers in localStorage: edited programs per lesson, and settings.
 * A lesson's main.ts is kept under its program key, as before kernel files existed (so what
 * was saved then still opens); its kernel files, as `[name, text]` pairs, under its files key.
 */
import { MAIN_FILE, programFilesProblem, type ProgramFile } from '../compile/program-files';

const programKey = (lessonId: string) => `playground:program:${lessonId || 'welcome'}`;
const filesKey = (lessonId: string) => `playground:files:${lessonId || 'welcome'}`;
const settingKey = (name: string) => `playground:${name}`;

function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: nothing saved
  }
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // storage full or disabled: the value lives as long as the page
  }
}

/** The lesson's files as the reader left them, or null if they were never edited. */
export function savedFiles(
  lessonId: string,
  lessonFiles: () => ProgramFile[],
): ProgramFile[] | null {
  const main = load(programKey(lessonId));
  const kernels = parseKernels(load(filesKey(lessonId)));
  if (main === null && kernels === null) return null;
  const own = lessonFiles();
  return [{ name: MAIN_FILE, text: main ?? own[0].text }, ...(kernels ?? own.slice(1))];
}

export function saveFiles(lessonId: string, files: ProgramFile[]): void {
  store(programKey(lessonId), files[0].text);
  store(filesKey(lessonId), JSON.stringify(files.slice(1).map((f) => [f.name, f.text])));
}

/** Forgets the edits: the lesson shows its original files again. */
export function forgetFiles(lessonId: string): void {
  store(programKey(lessonId), null);
  store(filesKey(lessonId), null);
}

/** Saved kernel files, checked (storage is the reader's, but may hold anything). */
function parseKernels(json: string | null): ProgramFile[] | null {
  if (json === null) return null;
  try {
    const pairs = JSON.parse(json) as [string, string][];
    const files = pairs.map(([name, text]) => ({ name: String(name), text: String(text) }));
    return programFilesProblem([{ name: MAIN_FILE, text: '' }, ...files]) ? null : files;
  } catch {
    return null;
  }
}

export const savedSetting = (name: 'lang' | 'theme') => load(settingKey(name));
export const saveSetting = (name: 'lang' | 'theme', value: string) =>
  store(settingKey(name), value);
