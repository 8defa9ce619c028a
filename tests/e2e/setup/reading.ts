/** What the reading-mode tests share: the user's course, its section pages, and choosing a mode the way a reader does. */
import type { Page } from 'playwright-core';
import { allCourses } from './site.ts';

export const course = allCourses().find((entry) => entry.own)!;
export type Mode = 'both' | 'zh' | 'en';
export const MODES: Mode[] = ['both', 'zh', 'en'];
export const LANGUAGE_LABEL: Record<Mode, string> = { both: 'Both · 双语', zh: '中文', en: 'English' };

/** Section pages that show questions, with their questions. */
export const sectionPages = course.sections
  .filter((section) => !section.scope && course.questions.some((question) => question.section === section.number))
  .map((section) => ({
    path: `/${course.id}/s${section.number}/`,
    questions: course.questions.filter((question) => question.section === section.number),
  }));

/** Sets the reading options the way a reader does: open the panel, pick, close it. */
export async function choose(page: Page, mode: Mode, examinableOnly: boolean): Promise<void> {
  const options = page.locator('[data-reading-options]');
  await options.locator('summary').click();
  await options.getByLabel(LANGUAGE_LABEL[mode], { exact: true }).check();
  await options.getByLabel('Examinable only · 只看考试范围').setChecked(examinableOnly);
  await options.locator('summary').click();
}
