/** Programs edited by the user, kept per lesson so a reload loses nothing. */
const key = (lessonId: string) => `playground:program:${lessonId || 'welcome'}`;

export function savedProgram(lessonId: string): string | null {
  try {
    return localStorage.getItem(key(lessonId));
  } catch {
    return null; // storage disabled: nothing saved
  }
}

export function saveProgram(lessonId: string, text: string): void {
  try {
    localStorage.setItem(key(lessonId), text);
  } catch {
    // storage full or disabled: the program stays in the editor
  }
}
