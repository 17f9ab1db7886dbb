import { checkLesson, galleryLessons, RACY, soloLessonIds } from '../support/races';
import { test } from '../support/runner';

// The lessons of the gallery run with race detection on (races.spec.ts) that load every core
// or measure time: alone, as their own tests run.

const lessons = await galleryLessons();
const solo = soloLessonIds();

test.describe.configure({ timeout: 180_000 });

for (const lesson of lessons.filter((l) => solo.has(l.id))) {
  const claim = RACY[lesson.id] ? 'reports its race by line' : 'reports no race';
  test(`${lesson.id} with race detection on ${claim}`, ({ page }) => checkLesson(page, lesson));
}
