/** What the playground remembers in localStorage: edited programs per lesson, and settings. */
const programKey = (lessonId: string) => `playground:program:${lessonId || 'welcome'}`;
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

export const savedProgram = (lessonId: string) => load(programKey(lessonId));
export const saveProgram = (lessonId: string, text: string) => store(programKey(lessonId), text);
/** Forgets the edits: the lesson shows its original program again. */
export const forgetProgram = (lessonId: string) => store(programKey(lessonId), null);

export const savedSetting = (name: 'lang' | 'theme') => load(settingKey(name));
export const saveSetting = (name: 'lang' | 'theme', value: string) =>
  store(settingKey(name), value);
